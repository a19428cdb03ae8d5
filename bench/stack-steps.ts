import type { LocalStackManifest } from '../src/local/manifest';

/** What the benchmark does through the API, as people would: sign up an admin, connect a GitHub organization. */
export type Call = (path: string, init?: { method?: string; body?: unknown; token?: string }) => Promise<{ status: number; calls: number; body: any }>;

export function apiCaller(manifest: LocalStackManifest): Call {
  return async (path, init = {}) => {
    const response = await fetch(`${manifest.apiUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, calls: Number(response.headers.get('x-ddb-calls')), body: text ? (JSON.parse(text) as any) : undefined };
  };
}

/** Signs up, verifies (the code from the SES inbox) and logs in; the admin's token and organization on the enterprise plan. */
export async function enterpriseAdmin(call: Call, manifest: LocalStackManifest, email: string, organizationName: string): Promise<{ token: string; orgId: string }> {
  await call('/auth/signup', { method: 'POST', body: { email, password: 'BenchPass123', name: 'Bench Admin', organizationName } });
  const inbox = (await (await fetch(manifest.sesInboxUrl)).json()) as { emails: { destination: { to: string[] }; body: { text?: string } }[] };
  const code = /\b(\d{6})\b/.exec(inbox.emails.filter((e) => e.destination.to.includes(email)).at(-1)?.body.text ?? '')?.[1];
  await call('/auth/verify', { method: 'POST', body: { email, code } });
  const login = await call('/auth/login', { method: 'POST', body: { email, password: 'BenchPass123' } });
  const token = login.body.accessToken as string;
  await call('/organization/plan', { method: 'PUT', token, body: { plan: 'enterprise' } });
  return { token, orgId: login.body.user.organizationId as string };
}

/** Connected as an admin does it: connect, GitHub's install page (the emulator's), the setup redirect; the installation id. */
export async function connectGithub(call: Call, manifest: LocalStackManifest, githubUrl: string, token: string, account: string): Promise<number> {
  const { installUrl } = (await call('/integrations/github/connect', { method: 'POST', token })).body as { installUrl: string };
  const installPage = new URL(installUrl);
  const found = (await (await fetch(`${githubUrl}/orgs/${account}`)).json()) as { id: number };
  installPage.searchParams.set('suggested_target_id', String(found.id));
  const setup = new URL((await fetch(installPage, { redirect: 'manual' })).headers.get('location') ?? '');
  const connected = await fetch(`${manifest.apiUrl}${setup.pathname}${setup.search}`, { headers: { accept: 'application/json' } });
  if (connected.status !== 200) throw new Error(`connecting ${account} answered ${connected.status}`);
  return ((await call('/integrations/github', { token })).body as { installationId: number }).installationId;
}

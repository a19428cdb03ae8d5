/**
 * `npm run demo`: loads the TechStartup story into a running `npm start`,
 * the way its people would, through the public API and the emails the SES
 * emulator keeps: Sarah signs up and verifies with the emailed code,
 * invites her team, each follows the emailed link and sets a password, she
 * connects the demo GitHub organization on the emulator's install page and
 * waits for the first sync. Every step first looks whether it is done
 * already, so a second run changes nothing.
 */

export type DemoRole = 'member' | 'viewer';

export interface DemoPerson {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  /** Their login in the demo GitHub dataset; none for someone who only reads (Diana). */
  readonly githubUsername: string | null;
}

export interface DemoTeam {
  readonly organizationName: string;
  readonly admin: DemoPerson;
  readonly people: readonly (DemoPerson & { readonly role: DemoRole })[];
  /** The GitHub organization to connect (the emulator's `techstartup`). */
  readonly githubOrganization: string;
}

export interface DemoStack {
  readonly apiUrl: string;
  /** The SES emulator's `GET /store`. */
  readonly sesInboxUrl: string;
}

export interface DemoOutcome {
  /** What this run did, one line each; empty when everything was there already. */
  readonly changes: readonly string[];
  readonly organizationId: string;
  /** Engineers the team dashboard analyses. */
  readonly totalMembers: number;
}

/** A step the demo cannot take: the stack is not running, or the API refused something it should not. */
export class DemoError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

interface Answer {
  readonly status: number;
  readonly body: any;
  readonly headers: Headers;
}

const POLL_INTERVAL_MS = 250;
const EMAIL_TIMEOUT_MS = 15_000;
const SYNC_TIMEOUT_MS = 5 * 60_000;
const PLAN = 'pro';

/** A recipient may carry a display name: `Bob Senior <bob@techstartup.com>`. */
function isAddress(recipient: string, address: string): boolean {
  const [given, wanted] = [recipient.toLowerCase(), address.toLowerCase()];
  return given === wanted || given.endsWith(`<${wanted}>`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createDemo(stack: DemoStack, print: (line: string) => void) {
  async function call(path: string, init: { method?: string; json?: unknown; token?: string; accept?: string } = {}): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(`${stack.apiUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.accept ? { accept: init.accept } : {}),
        },
        ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      });
    } catch (error) {
      throw new DemoError(`The API at ${stack.apiUrl} does not answer: is \`npm start\` running?`, { cause: error });
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  async function expectStatus(what: string, answer: Promise<Answer>, ...statuses: number[]): Promise<Answer> {
    const answered = await answer;
    if (!statuses.includes(answered.status)) throw new DemoError(`${what} answered ${answered.status}: ${JSON.stringify(answered.body)}`);
    return answered;
  }

  /** The text of the newest email to `address` whose subject starts as given, waiting for it to arrive. */
  async function newestEmail(address: string, subjectStartsWith: string): Promise<string> {
    const deadline = Date.now() + EMAIL_TIMEOUT_MS;
    for (;;) {
      const response = await fetch(stack.sesInboxUrl);
      if (!response.ok) throw new DemoError(`The SES emulator answered ${response.status} to ${stack.sesInboxUrl}`);
      const { emails } = (await response.json()) as { emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[] };
      const found = emails
        .filter((email) => email.destination.to.some((to) => isAddress(to, address)))
        .filter((email) => email.subject.startsWith(subjectStartsWith))
        .at(-1);
      if (found) return found.body.text ?? '';
      if (Date.now() > deadline) throw new DemoError(`No email "${subjectStartsWith}…" to ${address} arrived in the SES emulator's inbox`);
      await sleep(POLL_INTERVAL_MS);
    }
  }

  async function verify(email: string): Promise<void> {
    const code = /\b(\d{6})\b/.exec(await newestEmail(email, 'Verify'))?.[1];
    if (!code) throw new DemoError(`The verification email to ${email} has no 6-digit code`);
    await expectStatus('Verifying the email', call('/auth/verify', { method: 'POST', json: { email, code } }), 200);
  }

  const login = (person: DemoPerson) => call('/auth/login', { method: 'POST', json: { email: person.email, password: person.password } });

  /** Sarah's access token: logged in, after signing up and verifying when she has no account yet. */
  async function adminToken(team: DemoTeam, changes: string[]): Promise<string> {
    const { admin } = team;
    let answered = await login(admin);
    if (answered.status === 401) {
      await expectStatus(
        'Signing up',
        call('/auth/signup', {
          method: 'POST',
          json: { email: admin.email, password: admin.password, name: admin.name, organizationName: team.organizationName, githubUsername: admin.githubUsername },
        }),
        201,
      );
      await verify(admin.email);
      changes.push(`signed up ${admin.name} (${admin.email}) and created ${team.organizationName}`);
      answered = await login(admin);
    } else if (answered.status === 403 && answered.body?.code === 'EMAIL_NOT_VERIFIED') {
      // An earlier run stopped between signing up and verifying.
      await call('/auth/resend-verification', { method: 'POST', json: { email: admin.email } });
      await verify(admin.email);
      changes.push(`verified ${admin.email}`);
      answered = await login(admin);
    }
    if (answered.status !== 200) throw new DemoError(`Logging in as ${admin.email} answered ${answered.status}: ${JSON.stringify(answered.body)}`);
    if (answered.body.user.organizationName !== team.organizationName) {
      throw new DemoError(`${admin.email} belongs to ${answered.body.user.organizationName}, not ${team.organizationName}`);
    }
    return answered.body.accessToken as string;
  }

  async function ensurePlan(token: string, changes: string[]): Promise<string> {
    const organization = (await expectStatus('GET /organization', call('/organization', { token }), 200)).body;
    if (organization.plan !== PLAN) {
      await expectStatus('Choosing the plan', call('/organization/plan', { method: 'PUT', token, json: { plan: PLAN } }), 200);
      changes.push(`moved ${organization.name} to the ${PLAN} plan (the free one holds 10 people)`);
    }
    return organization.organizationId as string;
  }

  /** Invites whoever is neither a member nor invited yet, then lets each invitee join through their email's link. */
  async function ensureTeam(team: DemoTeam, token: string, changes: string[]): Promise<void> {
    const members = (await expectStatus('GET /team/members', call('/team/members', { token }), 200)).body.items as { email: string }[];
    const pending = (await expectStatus('GET /team/invitations', call('/team/invitations', { token }), 200)).body.items as { email: string; status: string }[];
    const isMember = (person: DemoPerson) => members.some((member) => member.email.toLowerCase() === person.email.toLowerCase());
    const isInvited = (person: DemoPerson) => pending.some((invitation) => invitation.status === 'pending' && invitation.email.toLowerCase() === person.email.toLowerCase());
    const joining = team.people.filter((person) => !isMember(person));
    const toInvite = joining.filter((person) => !isInvited(person));
    if (toInvite.length > 0) {
      const invitations = toInvite.map(({ email, name, role, githubUsername }) => ({ email, name, role, githubUsername }));
      const answered = await expectStatus('Inviting the team', call('/team/invite', { method: 'POST', token, json: { invitations } }), 201);
      const failed = (answered.body.results as { email: string; status: string; reason?: string }[]).filter((result) => result.status !== 'sent');
      if (failed.length > 0) throw new DemoError(`Some invitations failed: ${failed.map((result) => `${result.email} (${result.reason})`).join(', ')}`);
      changes.push(`invited ${toInvite.length} ${toInvite.length === 1 ? 'person' : 'people'}`);
    }
    for (const person of joining) {
      const token = /\/invite\/accept\?token=([A-Za-z0-9_-]+)/.exec(await newestEmail(person.email, `${team.admin.name} invited you`))?.[1];
      if (!token) throw new DemoError(`The invitation email to ${person.email} has no link`);
      await expectStatus(`Opening ${person.email}'s invitation`, call(`/invite/accept?token=${token}`), 200);
      await expectStatus(`${person.email} joining`, call('/invite/complete', { method: 'POST', json: { token, password: person.password } }), 201);
    }
    if (joining.length > 0) changes.push(`${joining.length} ${joining.length === 1 ? 'person' : 'people'} joined through the link in their invitation email`);
  }

  /** The emulator's install page, as the GitHub organization's owner choosing it and clicking "Install". */
  async function connectGithub(team: DemoTeam, token: string, changes: string[]): Promise<void> {
    const connection = (await expectStatus('GET /integrations/github', call('/integrations/github', { token }), 200)).body;
    if (connection.connected) {
      if (connection.account?.login !== team.githubOrganization) {
        throw new DemoError(`${team.organizationName} is connected to GitHub ${connection.account?.login}, not ${team.githubOrganization}`);
      }
      return;
    }
    const { installUrl } = (await expectStatus('Connecting GitHub', call('/integrations/github/connect', { method: 'POST', token }), 200)).body;
    const page = new URL(installUrl as string);
    const account = await fetch(new URL(`/users/${encodeURIComponent(team.githubOrganization)}`, page.origin));
    if (!account.ok) throw new DemoError(`The GitHub emulator at ${page.origin} has no account ${team.githubOrganization}`);
    page.searchParams.set('suggested_target_id', String(((await account.json()) as { id: number }).id));
    const installed = await fetch(page, { redirect: 'manual' });
    const callback = installed.headers.get('location');
    if (installed.status !== 302 || !callback) throw new DemoError(`The install page answered ${installed.status}`);
    const back = new URL(callback);
    await expectStatus('GitHub setup callback', call(`${back.pathname}${back.search}`, { accept: 'application/json' }), 200);
    changes.push(`connected GitHub ${team.githubOrganization}`);
  }

  /** Waits for the first sync to finish, printing its progress whenever it moves. */
  async function awaitFirstSync(token: string): Promise<void> {
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    let shown = '';
    for (;;) {
      const sync = (await expectStatus('GET /sync', call('/sync', { token }), 200)).body;
      if (sync.status === 'failed') throw new DemoError(`The GitHub sync failed: ${sync.lastError}`);
      if (sync.status === 'idle' && sync.finishedAt) {
        if (shown) print(`Synced ${sync.repositories?.total ?? 0} repositories.`);
        return;
      }
      const { done = 0, total = 0 } = sync.repositories ?? {};
      // Until the sync has listed the organization's repositories it has no total to count against.
      const counted = total > 0 ? `${done}/${total} repositories` : 'listing repositories';
      const line = `Syncing GitHub: ${counted}${sync.status === 'waiting_for_rate_limit' ? ' (waiting for the rate limit)' : ''}`;
      if (line !== shown) print(line);
      shown = line;
      if (Date.now() > deadline) throw new DemoError(`The GitHub sync had not finished after ${SYNC_TIMEOUT_MS / 60_000} minutes`);
      await sleep(POLL_INTERVAL_MS);
    }
  }

  /** Logs in as each person, so every account printed is known to work. */
  async function checkLogins(team: DemoTeam): Promise<void> {
    for (const person of team.people) {
      await expectStatus(`Logging in as ${person.email}`, login(person), 200);
    }
  }

  async function load(team: DemoTeam): Promise<DemoOutcome> {
    const changes: string[] = [];
    const token = await adminToken(team, changes);
    const organizationId = await ensurePlan(token, changes);
    await ensureTeam(team, token, changes);
    await connectGithub(team, token, changes);
    await awaitFirstSync(token);
    await checkLogins(team);
    const dashboard = await expectStatus('The team dashboard', call(`/ai/team-performance/${encodeURIComponent(organizationId)}`, { token }), 200);
    return { changes, organizationId, totalMembers: dashboard.body.totalMembers as number };
  }

  return { load };
}

/**
 * DynamoDB calls of one team-performance request for an organization of N
 * engineers whose analyses are cached (the dashboard's steady state).
 *
 *   EXPOSE_CALL_COUNTS=true npm start        # in another terminal
 *   npx tsx bench/dashboard-calls.ts [members=100]
 *
 * The engineers are written straight into the local table through the
 * repositories (signing up 100 people through Cognito would measure Cognito,
 * not the dashboard); the request itself goes through the HTTP API.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { buildMemberAnalysis, figuresOf } from '../src/domain/analysis/member-analysis';
import { provideAppEnvironment } from '../src/config';
import { saveAnalysis } from '../src/repositories/analyses';
import { db } from '../src/repositories/dynamo';
import { memberPuts } from '../src/repositories/member-items';

const members = Number(process.argv[2] ?? 100);
const manifest = JSON.parse(readFileSync(resolve(process.env['LOCAL_DATA_DIR'] ?? '.data', 'local-stack.json'), 'utf8')) as Record<string, string>;
const api = manifest['apiUrl'];

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const response = await fetch(`${api}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
  });
  return { status: response.status, calls: response.headers.get('x-ddb-calls'), body: (await response.json()) as any };
}

async function main() {
  provideAppEnvironment({
    TABLE_NAME: manifest['tableName'] ?? 'devinsights',
    DYNAMODB_ENDPOINT: manifest['dynamodbEndpoint'] ?? '',
    USER_POOL_ID: manifest['userPoolId'] ?? '',
    USER_POOL_CLIENT_ID: manifest['userPoolClientId'] ?? '',
    APP_SECRET: 'bench-only-secret-that-is-long-enough-32',
  });
  const tag = Date.now().toString(36);
  const email = `bench-${tag}@bench.test`;
  await call('/auth/signup', {
    method: 'POST',
    body: JSON.stringify({ email, password: 'BenchPass123', name: 'Bench Admin', organizationName: `Bench ${tag}` }),
  });
  const inbox = (await (await fetch(`${manifest['sesInboxUrl']}`)).json()) as { emails: { destination: { to: string[] }; body: { text?: string } }[] };
  const code = /\b(\d{6})\b/.exec(inbox.emails.filter((e) => e.destination.to.includes(email)).at(-1)?.body.text ?? '')?.[1];
  await call('/auth/verify', { method: 'POST', body: JSON.stringify({ email, code }) });
  const login = await call('/auth/login', { method: 'POST', body: JSON.stringify({ email, password: 'BenchPass123' }) });
  const orgId = login.body.user.organizationId as string;
  const now = new Date();
  for (let index = 0; index < members; index += 1) {
    const login = `bench-${tag}-${index}`;
    const tenant = { orgId, userId: `usr_bench_${tag}_${index}`, role: 'member' as const };
    const member = { email: `${login}@bench.test`, name: `Engineer ${index}`, organizationName: 'Bench', githubUsername: login, joinedAt: now.getTime() };
    await db().send(new TransactWriteCommand({ TransactItems: memberPuts(tenant, member) }));
    const activity = { login, commits: [], pullRequests: [], reviewsGiven: [], issues: [] };
    const analysis = buildMemberAnalysis({ githubUsername: login, figures: figuresOf(activity, now, 90, 'UTC'), now, windowDays: 90 });
    await saveAnalysis(tenant, login, tenant.userId, analysis, now);
  }
  const dashboard = await call(`/ai/team-performance/${orgId}`, { token: login.body.accessToken });
  console.log(JSON.stringify({ members, status: dashboard.status, totalMembers: dashboard.body.totalMembers, dynamodbCalls: Number(dashboard.calls) }));
}

void main();

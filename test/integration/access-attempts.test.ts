import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, unique, type SignedInAdmin } from '../support/accounts';
import { api, inbox } from '../support/stack';

interface AuditItem {
  readonly event: string;
  readonly userId: string;
  readonly resource: string;
  readonly severity: string;
  readonly result: string;
  readonly count?: number;
  readonly details?: Record<string, unknown>;
}

const auditLog = async (admin: SignedInAdmin): Promise<AuditItem[]> =>
  (await api('/audit-logs?limit=100', { token: admin.accessToken })).body.items;
const highAttempts = (items: AuditItem[]) =>
  items.filter((item) => item.event === 'UNAUTHORIZED_ACCESS_ATTEMPT' && item.severity === 'HIGH');
const analysis = (admin: SignedInAdmin, login: string) => api(`/ai/code-quality/${login}`, { token: admin.accessToken });
const switchTo = (admin: SignedInAdmin, organizationId: string) =>
  api('/auth/switch-organization', { method: 'POST', token: admin.accessToken, json: { organizationId } });

let sarah: SignedInAdmin;
let sarahsLogin: string;

beforeAll(async () => {
  sarahsLogin = unique('sarah');
  sarah = await signedInAdmin({ githubUsername: sarahsLogin });
});

describe('a typo inside one organization', () => {
  it('is not written as a HIGH unauthorized attempt when a login exists nowhere', async () => {
    const eve = await signedInAdmin();
    const typo = unique('no-such-login');
    expect((await analysis(eve, typo)).status).toBe(404);
    expect((await analysis(eve, typo)).status).toBe(404);

    const items = await auditLog(eve);
    expect(highAttempts(items)).toEqual([]);
    expect(items).toEqual(
      expect.arrayContaining([expect.objectContaining({ event: 'LOOKUP_NOT_FOUND', severity: 'LOW', userId: eve.userId, count: 2 })]),
    );
  });

  it('is not written as a HIGH unauthorized attempt when switching to an organization id that exists nowhere', async () => {
    const eve = await signedInAdmin();
    const response = await switchTo(eve, 'org_doesnotexist');
    expect(response.status).toBe(404);
    expect(highAttempts(await auditLog(eve))).toEqual([]);
  });

  it("writes switching into another organization one is not a member of to both logs, like any cross-organization attempt", async () => {
    const target = await signedInAdmin();
    const eve = await signedInAdmin();
    const foreign = await switchTo(eve, target.organizationId);
    const missing = await switchTo(eve, 'org_doesnotexist');
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(highAttempts(await auditLog(eve))).toEqual([expect.objectContaining({ userId: eve.userId, count: 1 })]);
    expect(highAttempts(await auditLog(target))).toEqual([
      expect.objectContaining({ userId: eve.userId, count: 1, details: { fromOrganization: eve.organizationId } }),
    ]);
  });
});

describe('repeated cross-organization attempts', () => {
  let eve: SignedInAdmin;

  beforeAll(async () => {
    eve = await signedInAdmin({ name: 'Eve Attacker', organizationName: `Totally Legit Security Team ${unique('o')}` });
    const answers = await Promise.all(Array.from({ length: 41 }, () => analysis(eve, sarahsLogin)));
    expect(answers.every((answer) => answer.status === 404)).toBe(true);
  });

  it('are one entry with count 41 in the attacker organization log', async () => {
    const entries = highAttempts(await auditLog(eve));
    expect(entries).toEqual([expect.objectContaining({ userId: eve.userId, resource: `github/${sarahsLogin}`, result: 'BLOCKED', count: 41 })]);
    // The attacker's own admin (maybe the attacker) is not told which organization has the login.
    expect(JSON.stringify(entries)).not.toContain(sarah.organizationId);
  });

  it('are one entry with count 41 in the target organization log', async () => {
    const entries = highAttempts(await auditLog(sarah)).filter((entry) => entry.userId === eve.userId);
    expect(entries).toEqual([
      expect.objectContaining({ result: 'BLOCKED', count: 41, details: { fromOrganization: eve.organizationId } }),
    ]);
  });

  it('alert the target admins once, with ids and time but no text the attacker chose', async () => {
    const alert = await inbox().waitForEmail(sarah.input.email, { subjectStartsWith: 'Security Alert' });
    const text = alert.body.text ?? '';
    expect(text).toContain(eve.organizationId);
    expect(text).toContain(eve.userId);
    expect(text).toMatch(/When: \d{4}-\d{2}-\d{2}T/);
    for (const chosen of [eve.input.organizationName, eve.input.name, eve.input.email, sarahsLogin]) expect(text).not.toContain(chosen);
    const alerts = (await inbox().emailsTo(sarah.input.email)).filter((email) => email.subject.startsWith('Security Alert'));
    expect(alerts).toHaveLength(1);
  });
});

describe('the answer for a login another organization has and for one nobody has', () => {
  // The stack exposes each response's DynamoDB operations (x-ddb-operations); parallel ones may come in any order.
  const operations = (response: { headers: Headers }) => (response.headers.get('x-ddb-operations') ?? '').split(',').sort();

  it('costs the same DynamoDB work, so its timing tells them apart no more than its body', async () => {
    const eve = await signedInAdmin();
    // The hour's first attempt against an organization also sends its alert (the one known difference).
    expect((await analysis(eve, sarahsLogin)).status).toBe(404);

    const elsewhere = await analysis(eve, sarahsLogin);
    const nowhere = await analysis(eve, unique('no-such-login'));

    expect(elsewhere.status).toBe(404);
    expect(nowhere.body).toEqual(elsewhere.body);
    expect(operations(elsewhere).length).toBeGreaterThan(3);
    expect(operations(nowhere)).toEqual(operations(elsewhere));
  });

  it('costs the same DynamoDB work when switching to an organization that exists and to one that does not', async () => {
    const target = await signedInAdmin();
    const eve = await signedInAdmin();
    expect((await switchTo(eve, target.organizationId)).status).toBe(404);

    const existing = await switchTo(eve, target.organizationId);
    const missing = await switchTo(eve, 'org_doesnotexist');

    expect(missing.body).toEqual(existing.body);
    expect(operations(missing)).toEqual(operations(existing));
  });
});

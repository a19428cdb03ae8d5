import { beforeAll, describe, expect, it } from 'vitest';
import { syncUntil } from '../support/github-connection';
import { readUntil } from '../support/polling';
import { eventually } from '../support/sqs';
import { api } from '../support/stack';
import { storyTeam, type StoryTeam } from '../support/story';

/**
 * People's own data on the story's team: their own time zone, who looked at
 * them, what is stored about them, and what goes when they leave.
 */
const analysis = (token: string, login: string) => api(`/ai/code-quality/${login}`, { token });

let team: StoryTeam;

beforeAll(async () => {
  team = await storyTeam();
});

describe('a personal time zone', () => {
  it("moves Alice's late-night figure on her next read and says which zone it used", async () => {
    const before = await analysis(team.alice.accessToken, 'alice-dev');
    expect(before.body.period.timezone).toBe('America/Los_Angeles');
    expect(before.body.metrics.lateNightCommitRatio).toBe(0.45);

    const set = await api('/me/settings', { method: 'PUT', token: team.alice.accessToken, json: { timezone: 'Asia/Tokyo' } });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ timezone: 'Asia/Tokyo' });

    const after = await analysis(team.alice.accessToken, 'alice-dev');
    expect(after.body.period.timezone).toBe('Asia/Tokyo');
    expect(after.body.metrics.lateNightCommitRatio).not.toBe(0.45);
    // Her admin reads the same analysis: it is hers, in her zone.
    const seenBySarah = await analysis(team.sarah.accessToken, 'alice-dev');
    expect(seenBySarah.body.metrics.lateNightCommitRatio).toBe(after.body.metrics.lateNightCommitRatio);
  });

  it('leaves everyone else in the organization\'s zone', async () => {
    const bob = await analysis(team.bob.accessToken, 'bob-senior');
    expect(bob.body.period.timezone).toBe('America/Los_Angeles');
  });

  it('refuses a zone that is not an IANA name with 400', async () => {
    const response = await api('/me/settings', { method: 'PUT', token: team.bob.accessToken, json: { timezone: 'Mars/Olympus' } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_ERROR');
  });
});

interface AccessLogItem {
  readonly timestamp: string;
  readonly viewer: { readonly name: string; readonly role: string };
  readonly what: string;
}

/**
 * A person's access log once it shows what `holds` waits for: the reads queue
 * their entries and the `access-log` worker writes them a moment later.
 */
async function accessLogOnce(token: string, holds: (items: AccessLogItem[]) => boolean, limit = 100) {
  let body: { items: AccessLogItem[]; nextCursor: string | null } = { items: [], nextCursor: null };
  await eventually(async () => {
    const log = await api(`/me/access-log?limit=${limit}`, { token });
    expect(log.status).toBe(200);
    body = log.body as typeof body;
    return holds(body.items);
  });
  return body;
}

const entriesOf = async (token: string) => (await accessLogOnce(token, () => true)).items;

describe('the access log', () => {
  it('shows Bob that Sarah read his analysis, and what she was shown', async () => {
    const before = (await entriesOf(team.bob.accessToken)).length;
    await analysis(team.sarah.accessToken, 'bob-senior');
    const log = await accessLogOnce(team.bob.accessToken, (items) => items.length > before);
    expect(log.items[0]).toEqual({
      timestamp: expect.stringMatching(/Z$/),
      viewer: { name: 'Sarah Manager', role: 'admin' },
      what: expect.stringMatching(/^analysis: .*codeQuality/),
    });
  });

  it("records no entry for a person's reads of their own analysis", async () => {
    const before = (await entriesOf(team.charlie.accessToken)).length;
    await analysis(team.charlie.accessToken, 'charlie-junior');
    // Sarah's read after it: once her entry is there, Charlie's own read would have landed too.
    await analysis(team.sarah.accessToken, 'charlie-junior');
    const after = await accessLogOnce(team.charlie.accessToken, (items) => items.some((item) => item.viewer.name === 'Sarah Manager') && items.length > before);
    expect(after.items).toHaveLength(before + 1);
    expect(after.items[0]?.viewer).toEqual({ name: 'Sarah Manager', role: 'admin' });
  });

  it('records a report that names Alice, with the parts that named her, for each of its reads', async () => {
    const made = await api(`/ai/generate-report/${team.sarah.organizationId}`, {
      method: 'POST',
      token: team.sarah.accessToken,
      json: { reportType: 'executive', includeGraphs: false, includeIndividuals: true, confidential: true },
    });
    expect(made.status).toBe(201);
    const reportId = made.body.reportId as string;
    const readsOf = (items: AccessLogItem[]) => items.filter((item) => item.what.startsWith(`report ${reportId}`)).map((item) => item.what);
    await api(`/reports/${reportId}`, { token: team.sarah.accessToken });
    await api(`/reports/${reportId}/pdf`, { token: team.sarah.accessToken });
    // Generating it, reading it, its PDF.
    const log = await accessLogOnce(team.alice.accessToken, (items) => readsOf(items).length === 3);
    expect(readsOf(log.items).sort()).toEqual([
      expect.stringMatching(new RegExp(`^report ${reportId} \\(PDF\\): .*individuals\\.burnoutRisks`)),
      expect.stringMatching(new RegExp(`^report ${reportId}: .*individuals\\.burnoutRisks`)),
      expect.stringMatching(new RegExp(`^report ${reportId}: .*individuals\\.burnoutRisks`)),
    ]);
  });

  it("records Sarah's read of the team analysis for the people it names to her", async () => {
    const teamReads = (items: AccessLogItem[]) => items.filter((item) => item.what.startsWith('team analysis '));
    const before = teamReads(await entriesOf(team.alice.accessToken)).length;
    const read = await api(`/ai/team-performance/${team.sarah.organizationId}`, { token: team.sarah.accessToken });
    expect(read.status).toBe(200);
    const log = await accessLogOnce(team.alice.accessToken, (items) => teamReads(items).length > before);
    expect(teamReads(log.items)[0]).toMatchObject({
      viewer: { name: 'Sarah Manager', role: 'admin' },
      what: expect.stringMatching(/^team analysis team-\d{4}-\d{2}-\d{2}: .*burnoutRisks/),
    });
  });

  it('records nothing for a viewer, who sees no one named', async () => {
    const reports = await api('/reports', { token: team.sarah.accessToken });
    const executive = reports.body.items.find((item: { reportType: string }) => item.reportType === 'executive');
    const before = (await entriesOf(team.alice.accessToken)).length;
    const read = await api(`/reports/${executive.reportId}`, { token: team.diana.accessToken });
    expect(read.status).toBe(200);
    // Sarah's read after Diana's: once it is logged, Diana's would have been too.
    await api(`/reports/${executive.reportId}`, { token: team.sarah.accessToken });
    const after = await accessLogOnce(team.alice.accessToken, (items) => items.length > before);
    expect(after.items).toHaveLength(before + 1);
    expect(after.items[0]?.viewer.name).toBe('Sarah Manager');
  });

  it('pages with a cursor and refuses a forged one with 400', async () => {
    const first = await api('/me/access-log?limit=1', { token: team.alice.accessToken });
    const second = await api(`/me/access-log?limit=1&cursor=${first.body.nextCursor}`, { token: team.alice.accessToken });
    expect(second.body.items[0].timestamp <= first.body.items[0].timestamp).toBe(true);
    const forged = await api('/me/access-log?cursor=QUNDRVNT.abc', { token: team.alice.accessToken });
    expect(forged.status).toBe(400);
  });
});

describe("a person's own data", () => {
  it('gives Bob his profile, membership, activity, analysis and audit entries, and no one else\'s', async () => {
    const response = await api('/me/data', { token: team.bob.accessToken });
    expect(response.status).toBe(200);
    const data = response.body;
    expect(data.profile.email).toBe(team.bob.email);
    expect(data.membership).toMatchObject({ organizationId: team.sarah.organizationId, role: 'member' });
    expect(data.activity.length).toBeGreaterThan(0);
    expect(new Set(data.activity.map((slice: { login: string }) => slice.login.toLowerCase()))).toEqual(new Set(['bob-senior']));
    expect(data.activity.flatMap((slice: { commits: unknown[] }) => slice.commits).length).toBeGreaterThan(50);
    expect(data.analyses[0].analysis.githubUsername).toBe('bob-senior');
    expect(data.accessLog.length).toBeGreaterThan(0);
    expect(data.auditEntries).toContainEqual(expect.objectContaining({ event: 'MEMBER_JOINED', userId: team.bob.userId }));
    expect(JSON.stringify(data)).not.toMatch(/refreshToken|sealed|tokenHash|passwordHash/i);
  });
});

describe("the organization's export", () => {
  it('gives an admin everything, with no secret, hash or token', async () => {
    const response = await api('/organization/export', { token: team.sarah.accessToken });
    expect(response.status).toBe(200);
    const kinds = Object.keys(response.body.items);
    expect(kinds).toEqual(expect.arrayContaining(['ORG', 'ADMIN', 'MEMBER', 'VIEWER', 'GHLOGIN', 'ACT', 'GITHUB_DATA', 'AUDIT', 'GHCONNECTION', 'ACCESS']));
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/tokenHash|codeHash|refreshToken|secret|password/i);
    expect(text).not.toContain(team.bob.refreshToken);
  });

  it('is for admins only (403 for a member)', async () => {
    const response = await api('/organization/export', { token: team.bob.accessToken });
    expect(response.status).toBe(403);
  });
});

describe('a removed member', () => {
  it('leaves nothing but aggregates: no activity, no analysis, and reports without their name', async () => {
    const made = await api(`/ai/generate-report/${team.sarah.organizationId}`, {
      method: 'POST',
      token: team.sarah.accessToken,
      json: { reportType: 'executive', includeGraphs: true, includeIndividuals: true, confidential: true },
    });
    const before = await api(`/reports/${made.body.reportId}`, { token: team.sarah.accessToken });
    expect(JSON.stringify(before.body)).toContain('Alice Dev');

    const removed = await api(`/team/members/${team.alice.userId}`, { method: 'DELETE', token: team.sarah.accessToken });
    expect(removed.status).toBe(204);

    const exported = await api('/organization/export', { token: team.sarah.accessToken });
    const items = exported.body.items as Record<string, Record<string, unknown>[]>;
    expect((items['ACT'] ?? []).filter((slice) => String(slice['login']).toLowerCase() === 'alice-dev')).toEqual([]);
    expect((items['GITHUB_DATA'] ?? []).filter((entry) => entry['githubUsername'] === 'alice-dev')).toEqual([]);
    expect((items['ACCESS'] ?? []).filter((entry) => entry['login'] === 'alice-dev')).toEqual([]);
    expect(JSON.stringify([items['REPORT'], items['TEAM_REPORT']])).not.toMatch(/Alice Dev|alice-dev/i);

    const after = await api(`/reports/${made.body.reportId}`, { token: team.sarah.accessToken });
    expect(after.status).toBe(200);
    expect(JSON.stringify(after.body)).not.toMatch(/Alice Dev|alice-dev/i);
    expect(after.body.teamOverview).toEqual(before.body.teamOverview);
    expect(await analysis(team.sarah.accessToken, 'alice-dev')).toMatchObject({ status: 404 });
  });

  it("gets no analysis back from a later sync: only members' analyses are recomputed", async () => {
    const before = (await api('/sync', { token: team.sarah.accessToken })).body.finishedAt;
    expect((await api('/sync', { method: 'POST', token: team.sarah.accessToken })).status).toBe(202);
    const finished = await syncUntil(team.sarah, (sync) => sync.status === 'idle' && sync.finishedAt !== before);
    // The sync's last step recomputes the members' analyses on the queue: wait (bounded) for Bob's.
    const analysesAfterSync = async () => {
      const exported = await api('/organization/export', { token: team.sarah.accessToken });
      return (exported.body.items['GITHUB_DATA'] ?? []) as { githubUsername: string; basis: { syncedAt: string } }[];
    };
    const recomputed = (entries: Awaited<ReturnType<typeof analysesAfterSync>>) =>
      entries.some((entry) => entry.githubUsername === 'bob-senior' && entry.basis.syncedAt >= finished.finishedAt);
    const analyses = await readUntil(analysesAfterSync, recomputed, { timeoutMs: 20_000, intervalMs: 200 });
    expect(analyses.find((entry) => entry.githubUsername === 'bob-senior')?.basis.syncedAt).toEqual(expect.any(String));
    expect(String(analyses.find((entry) => entry.githubUsername === 'bob-senior')?.basis.syncedAt) >= finished.finishedAt).toBe(true);
    expect(analyses.filter((entry) => entry.githubUsername === 'alice-dev')).toEqual([]);
  });
});

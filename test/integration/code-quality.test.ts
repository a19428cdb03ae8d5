import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, type SignedInAdmin } from '../support/accounts';
import { api, inbox } from '../support/stack';
import { storyTeam, type StoryTeam } from '../support/story';

const analysis = (token: string, login: string, query = '') => api(`/ai/code-quality/${login}${query}`, { token });

let team: StoryTeam;
let eve: SignedInAdmin;

beforeAll(async () => {
  [team, eve] = await Promise.all([storyTeam(), signedInAdmin({ githubUsername: 'eve-competitor' })]);
});

describe("Day 2: Bob's analysis", () => {
  it('shows Bob all of his own analysis, computed from GitHub', async () => {
    const response = await analysis(team.bob.accessToken, 'bob-senior');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      githubUsername: 'bob-senior',
      analysisEngine: 'heuristic',
      cachedAt: expect.stringMatching(/Z$/),
      windowDays: 90,
      codeQuality: {
        overallScore: expect.any(Number),
        issues: expect.any(Array),
        recommendations: expect.any(Array),
        publicInsights: expect.any(Array),
      },
      burnout: { riskScore: expect.any(Number), level: expect.stringMatching(/^(low|medium|high)$/), patterns: expect.any(Array) },
      personalInsights: expect.any(Array),
    });
    expect(response.body.metrics.totalCommits).toBeGreaterThan(50);
    expect(response.body.metrics.reviewCoverage).toBeGreaterThanOrEqual(0.9);
  });

  it('serves the second read from the cache and recomputes on refresh', async () => {
    const first = await analysis(team.bob.accessToken, 'bob-senior');
    const second = await analysis(team.bob.accessToken, 'bob-senior');
    expect(second.body.cachedAt).toBe(first.body.cachedAt);
    const refreshed = await analysis(team.bob.accessToken, 'bob-senior', '?refresh=true');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.cachedAt > first.body.cachedAt).toBe(true);
    expect(refreshed.body.metrics).toEqual(first.body.metrics);
  });

  it('rates Bob’s code quality above Charlie’s', async () => {
    const [bob, charlie] = await Promise.all([
      analysis(team.sarah.accessToken, 'bob-senior'),
      analysis(team.sarah.accessToken, 'charlie-junior'),
    ]);
    expect(bob.body.codeQuality.overallScore).toBeGreaterThan(charlie.body.codeQuality.overallScore);
  });

  it('finds Alice at high burnout risk with 45% late-night commits', async () => {
    const response = await analysis(team.sarah.accessToken, 'alice-dev');
    expect(response.body.burnout.level).toBe('high');
    expect(response.body.burnout.patterns).toContain('45% late-night commits');
    expect(response.body.metrics.lateNightCommitRatio).toBe(0.45);
  });
});

describe('privacy inside the organization', () => {
  it("lets Charlie see Bob's code quality but not his burnout or personal insights", async () => {
    const response = await analysis(team.charlie.accessToken, 'bob-senior');
    expect(response.status).toBe(200);
    expect(response.body.codeQuality.overallScore).toEqual(expect.any(Number));
    expect(response.body).not.toHaveProperty('burnout');
    expect(response.body).not.toHaveProperty('personalInsights');
  });

  it("shows Sarah everything but Bob's personal insights", async () => {
    const response = await analysis(team.sarah.accessToken, 'bob-senior');
    expect(response.body).toHaveProperty('burnout');
    expect(response.body).toHaveProperty('metrics');
    expect(response.body).not.toHaveProperty('personalInsights');
  });

  it('refuses Diana (viewer) one person’s analysis with 403', async () => {
    const response = await analysis(team.diana.accessToken, 'bob-senior');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ success: false, code: 'FORBIDDEN' });
  });

  it('resolves only the exact login: a prefix finds nobody', async () => {
    const response = await analysis(team.sarah.accessToken, 'alice');
    expect(response.status).toBe(404);
  });
});

describe('another organization', () => {
  it('gives Eve the same 404 for Bob as for a user who does not exist', async () => {
    const bob = await analysis(eve.accessToken, 'bob-senior');
    const nobody = await analysis(eve.accessToken, 'no-such-user-anywhere');
    expect(bob.status).toBe(404);
    expect(bob.body).toEqual({ success: false, error: 'User not found', code: 'NOT_FOUND' });
    expect(nobody.status).toBe(404);
    expect(nobody.body).toEqual(bob.body);
  });

  it("writes Eve's attempt to both audit logs and alerts Sarah once", async () => {
    await analysis(eve.accessToken, 'charlie-junior');
    await analysis(eve.accessToken, 'alice-dev');
    const attempt = { event: 'UNAUTHORIZED_ACCESS_ATTEMPT', severity: 'HIGH', userId: eve.userId, result: 'BLOCKED' };
    const inEve = (await api('/audit-logs', { token: eve.accessToken })).body.items;
    const inSarah = (await api('/audit-logs', { token: team.sarah.accessToken })).body.items;
    expect(inEve).toEqual(expect.arrayContaining([expect.objectContaining({ ...attempt, resource: 'github/charlie-junior' })]));
    expect(inSarah).toEqual(expect.arrayContaining([expect.objectContaining(attempt)]));
    const alert = await inbox().waitForEmail(team.sarah.input.email, { subjectStartsWith: 'Security Alert' });
    expect(alert.body.text).toContain(eve.organizationId);
    expect(alert.body.text).not.toContain(eve.input.organizationName);
    const alerts = (await inbox().emailsTo(team.sarah.input.email)).filter((email) => email.subject.startsWith('Security Alert'));
    expect(alerts).toHaveLength(1);
  });
});

describe('a settings change', () => {
  it("shows a new time zone on the next read, Alice's and the team's, from stored activity", async () => {
    const other = await storyTeam();
    const before = await analysis(other.alice.accessToken, 'alice-dev');
    const changed = await api('/organization/settings', { method: 'PUT', token: other.sarah.accessToken, json: { timezone: 'Asia/Tokyo' } });
    expect(changed.status).toBe(200);

    const after = await analysis(other.alice.accessToken, 'alice-dev');
    const team = await api(`/ai/team-performance/${other.sarah.organizationId}`, { token: other.sarah.accessToken });

    expect(before.body.period.timezone).toBe('America/Los_Angeles');
    expect(after.body.period.timezone).toBe('Asia/Tokyo');
    // The same commits, counted in Tokyo's hours: her late-night share moves, her commit count does not.
    expect(after.body.metrics.totalCommits).toBe(before.body.metrics.totalCommits);
    expect(after.body.metrics.lateNightCommitRatio).not.toBe(before.body.metrics.lateNightCommitRatio);
    expect(after.body.syncedAt).toBe(before.body.syncedAt);
    expect(team.status).toBe(200);
  });
});

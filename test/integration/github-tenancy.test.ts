import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, unique, type SignedInAdmin } from '../support/accounts';
import { connect, connectAndSync, copyOfDemoOrganization, emulator, syncUntil } from '../support/github-connection';
import { api } from '../support/stack';
import { storyTeam, type StoryTeam } from '../support/story';
import { acceptAndLogIn, invite, type Teammate } from '../support/team';

/**
 * Two tenants, two GitHub organizations: Sarah's is connected to a copy of
 * TechStartup (four private repositories, Bob's commits), Eve's to a copy of
 * CompetitorCorp. Eve adds a "member" with Bob's GitHub login to her own
 * organization, which is the only way she can ask about him at all.
 */
let sarah: StoryTeam;
let eve: SignedInAdmin;
let eveMember: Teammate;
let evesGithub: string;

const analysis = (token: string, login: string, query = '') => api(`/ai/code-quality/${login}${query}`, { token });
const connection = (admin: { accessToken: string }) => api('/integrations/github', { token: admin.accessToken });

async function installationIdOf(admin: { accessToken: string }): Promise<number> {
  return (await connection(admin)).body.installationId as number;
}

beforeAll(async () => {
  [sarah, eve, evesGithub] = await Promise.all([
    storyTeam(),
    signedInAdmin({ githubUsername: null, name: 'Eve Competitor', organizationName: `CompetitorCorp ${unique('o')}` }),
    copyOfDemoOrganization({}, 'competitorcorp'),
  ]);
  await connectAndSync(eve, evesGithub);
  const email = `${unique('insider')}@competitorcorp.test`;
  const invited = await invite(eve, [{ email, name: 'Not Bob', role: 'member', githubUsername: 'bob-senior' }]);
  expect(invited.status).toBe(201);
  eveMember = await acceptAndLogIn(email);
});

describe('two tenants on two GitHub organizations', () => {
  it("reads Bob's private work for Sarah, through her installation", async () => {
    const bob = await analysis(sarah.sarah.accessToken, 'bob-senior');
    expect(bob.status).toBe(200);
    expect(bob.body.metrics.totalCommits).toBeGreaterThan(0);
    expect(bob.body.metrics.totalRepos).toBeGreaterThanOrEqual(3);
  });

  it("finds nothing of Bob's for Eve: her installation cannot see TechStartup's repositories", async () => {
    const bob = await analysis(eve.accessToken, 'bob-senior', '?refresh=true');
    expect(bob.status).toBe(200);
    expect(bob.body.metrics).toMatchObject({ totalCommits: 0, totalRepos: 0, totalPRs: 0, totalIssues: 0 });
    const own = await analysis(eveMember.accessToken, 'bob-senior');
    expect(own.body.metrics.totalCommits).toBe(0);
  });

  it("keeps Eve's team analysis and report free of Sarah's organization", async () => {
    const team = await api(`/ai/team-performance/${eve.organizationId}`, { token: eve.accessToken });
    expect(team.status).toBe(200);
    expect(team.body.totalCommits).toBe(0);
    const report = await api(`/ai/generate-report/${eve.organizationId}`, {
      method: 'POST',
      token: eve.accessToken,
      json: { reportType: 'executive', includeGraphs: true, includeIndividuals: true, confidential: true },
    });
    expect(report.status).toBe(201);
    expect(JSON.stringify(report.body)).not.toContain(sarah.githubOrganization);
    expect(JSON.stringify(report.body)).not.toMatch(/techstartup/i);
  });

  it("refuses Eve a setting that names Sarah's GitHub organization, or the original one, with 409", async () => {
    for (const githubOrganization of [sarah.githubOrganization, 'techstartup']) {
      const response = await api('/organization/settings', { method: 'PUT', token: eve.accessToken, json: { githubOrganization } });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('CONFLICT');
    }
    expect((await connection(eve)).body.account.login).toBe(evesGithub);
  });

  it("refuses Eve Sarah's installation with 409 even when she gets through GitHub's install page", async () => {
    const attempt = await connect(eve, sarah.githubOrganization);
    expect(attempt.status).toBe(409);
    expect(attempt.body.code).toBe('CONFLICT');
    expect((await connection(eve)).body.account.login).toBe(evesGithub);
    expect((await connection(sarah.sarah)).body.account.login).toBe(sarah.githubOrganization);
  });
});

describe("each tenant's GitHub budget is its own", () => {
  it("keeps both tenants' analyses answering and Eve's sync finishing while Sarah's installation has no requests left", async () => {
    const spent = await emulator(`/_emulator/installations/${await installationIdOf(sarah.sarah)}/rate-limit`, { method: 'POST', json: { remaining: 0 } });
    expect(spent.status).toBe(200);

    const [sarahsSync, evesSync] = await Promise.all([
      api('/sync', { method: 'POST', token: sarah.sarah.accessToken }),
      api('/sync', { method: 'POST', token: eve.accessToken }),
    ]);
    expect([sarahsSync.status, evesSync.status]).toEqual([202, 202]);

    // Sarah's sync waits for her installation's reset; Eve's, on her own installation, runs to the end meanwhile.
    const sarahsWait = await syncUntil(sarah.sarah, (sync) => sync.status === 'waiting_for_rate_limit');
    expect(sarahsWait.rateLimit).toMatchObject({ remaining: 0, resetAt: expect.any(String) });
    const evesEnd = await syncUntil(eve, (sync) => sync.status === 'idle' && sync.startedAt === evesSync.body.startedAt && !!sync.finishedAt);
    expect(evesEnd.lastError).toBeNull();

    // Reads never ask GitHub: both keep answering from what was synced.
    const [sarahs, eves] = await Promise.all([analysis(sarah.sarah.accessToken, 'alice-dev'), analysis(eve.accessToken, 'bob-senior')]);
    expect(sarahs.status).toBe(200);
    expect(sarahs.body.metrics.totalCommits).toBeGreaterThan(0);
    expect(eves.status).toBe(200);
    expect((await connection(sarah.sarah)).body.rateLimit).toMatchObject({ remaining: 0 });
    expect((await connection(eve)).body.rateLimit.remaining).toBeGreaterThan(0);
  });
});

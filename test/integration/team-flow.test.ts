import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, unique, type SignedInAdmin } from '../support/accounts';
import { connectAndSync, copyOfDemoOrganization, emulator } from '../support/github-connection';
import { api } from '../support/stack';
import { storyTeam } from '../support/story';
import { acceptAndLogIn, invite } from '../support/team';
import { pollUntil } from '../support/polling';

/**
 * The team flow over HTTP: a GitHub organization of this file's own (a
 * copy of the demo's competitorcorp, which has no deployments and whose
 * pull requests are by people outside this team), two engineers with
 * pull requests, reviews and deployments made here, connected and synced,
 * then `GET /ai/team-performance` against figures worked out by hand.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Math.floor(Date.now() / 1000) * 1000;
const ago = (days: number, hours = 0) => new Date(T0 - days * DAY + hours * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');

let admin: SignedInAdmin;
let platform: string;
let dashboard: string;

async function control(path: string, json: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await emulator(path, { method: 'POST', json });
  if (answer.status !== 201) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function pull(repo: string, author: string, createdAt: string, mergedAt: string, reviews: [string, string, string][] = []): Promise<void> {
  const { number } = await control('/_emulator/pulls', { repo, author, createdAt, mergedAt, closedAt: mergedAt, additions: 20, deletions: 5 });
  for (const [reviewer, state, submittedAt] of reviews) await control('/_emulator/reviews', { repo, number, reviewer, state, submittedAt });
}

const deploy = (repo: string, createdAt: string, state: string, environment = 'production') =>
  control('/_emulator/deployments', { repo, environment, createdAt, creator: 'github-actions[bot]', statuses: [{ state, createdAt }] });

async function engineer(login: string): Promise<void> {
  const email = `${unique(login)}@flow.test`;
  const invited = await invite(admin, [{ email, name: login, role: 'member', githubUsername: login }]);
  if (invited.status !== 201) throw new Error(`invite answered ${invited.status}: ${JSON.stringify(invited.body)}`);
  await acceptAndLogIn(email);
}

/** The dashboard once the worker's flow is the one asked for (it is computed just after the sync finishes). */
async function flowWhen(done: (body: Record<string, any>) => boolean, of: SignedInAdmin = admin): Promise<Record<string, any>> {
  const read = async () => {
    const answer = await api<Record<string, any>>(`/ai/team-performance/${of.organizationId}`, { token: of.accessToken });
    return { status: answer.status, body: answer.body };
  };
  const answer = await pollUntil(read, ({ status, body }) => status === 200 && done(body), { timeoutMs: 45_000, intervalMs: 200, what: 'The flow did not get there' });
  return answer.body;
}

beforeAll(async () => {
  admin = await signedInAdmin();
  const account = await copyOfDemoOrganization({}, 'competitorcorp');
  [platform, dashboard] = [`${account}/platform`, `${account}/dashboard`];
  await engineer('dan-dev');
  await engineer('erin-dev');

  // The window: cycle 8 h, first review 2 h, approved; deployed 10 h after it was opened.
  await pull(platform, 'dan-dev', ago(10), ago(10, 8), [['erin-dev', 'APPROVED', ago(10, 2)]]);
  // Cycle 20 h; a bot's approval is no review, a comment from outside the team after 4 h is; deployed after 27 h (the 24 h one failed).
  await pull(platform, 'erin-dev', ago(20), ago(20, 20), [['dependabot[bot]', 'APPROVED', ago(20, 1)], ['eve-competitor', 'COMMENTED', ago(20, 4)]]);
  // Cycle 30 h, no review; deployed after 48 h.
  await pull(dashboard, 'dan-dev', ago(30), ago(30, 30));
  // Not an engineer of this team.
  await pull(platform, 'eve-competitor', ago(5), ago(5, 1));
  // The window before: cycle 48 h, first review 24 h, approved; first deployed 20 days after it was opened.
  await pull(platform, 'dan-dev', ago(120), ago(120, 48), [['erin-dev', 'APPROVED', ago(120, 24)]]);

  await deploy(platform, ago(125), 'success');
  await deploy(platform, ago(100), 'success');
  await deploy(platform, ago(10, 10), 'success');
  await deploy(platform, ago(15), 'success', 'staging');
  await deploy(platform, ago(19), 'failure');
  // Restores the failure after 3 h.
  await deploy(platform, ago(19, 3), 'success');
  await deploy(dashboard, ago(28), 'success');
  // Never restored.
  await deploy(dashboard, ago(27), 'error');
  await deploy(dashboard, ago(26), 'in_progress');

  await connectAndSync(admin, account);
}, 120_000);

describe('team flow and delivery on the dashboard', () => {
  it("It should show every flow figure of the window, the window before and each repository, as counted by hand", async () => {
    const body = await flowWhen((shown) => shown.flowStatus?.state === 'current');

    const { previous, repositories, windowStart: _start, windowEnd: _end, ...window } = body.flow;
    expect(window).toEqual({
      windowDays: 90, productionEnvironment: 'production',
      // 3 / (90 / 7) a week; medians of [8, 20, 30] and [2, 4] hours; 1 of 3 approved before its merge.
      mergedPRs: 3, prThroughputPerWeek: 0.23, medianPrCycleTimeHours: 20, medianTimeToFirstReviewHours: 3, reviewCoverage: 0.33,
      // Three successes; lead times [10, 27, 48] hours; 2 failed of 5 that concluded; one restored, after 3 h.
      deploymentsPerWeek: 0.23, leadTimeForChangesHours: 27, changeFailureRate: 0.4, timeToRestoreHours: 3,
    });
    expect(previous).toMatchObject({
      mergedPRs: 1, prThroughputPerWeek: 0.08, medianPrCycleTimeHours: 48, medianTimeToFirstReviewHours: 24, reviewCoverage: 1,
      deploymentsPerWeek: 0.16, leadTimeForChangesHours: 480, changeFailureRate: 0, timeToRestoreHours: null,
    });
    expect(repositories).toEqual([
      {
        repo: dashboard, mergedPRs: 1, prThroughputPerWeek: 0.08, medianPrCycleTimeHours: 30, medianTimeToFirstReviewHours: null, reviewCoverage: 0,
        deploymentsPerWeek: 0.08, leadTimeForChangesHours: 48, changeFailureRate: 0.5, timeToRestoreHours: null,
      },
      {
        repo: platform, mergedPRs: 2, prThroughputPerWeek: 0.16, medianPrCycleTimeHours: 14, medianTimeToFirstReviewHours: 3, reviewCoverage: 0.5,
        deploymentsPerWeek: 0.16, leadTimeForChangesHours: 18.5, changeFailureRate: 0.33, timeToRestoreHours: 3,
      },
    ]);
  });

  it("It should count a deployment GitHub's webhook announces, without waiting for the next sync", async () => {
    await deploy(dashboard, ago(0, -1), 'success');

    const body = await flowWhen((shown) => shown.flow?.deploymentsPerWeek === 0.31);

    // Four successes now; dashboard's error of 27 days ago is restored by it an hour before T0 (647 h after), beside platform's 3 h; 2 failed of 6.
    expect(body.flow).toMatchObject({ deploymentsPerWeek: 0.31, timeToRestoreHours: 325, changeFailureRate: 0.33, leadTimeForChangesHours: 27 });
    expect(body.flowStatus.state).toBe('current');
  }, 60_000);

  it("It should count the organization's own production environment once it is set", async () => {
    const blank = await api('/organization/settings', { method: 'PUT', token: admin.accessToken, json: { productionEnvironment: '  ' } });
    expect(blank.status).toBe(400);
    const changed = await api('/organization/settings', { method: 'PUT', token: admin.accessToken, json: { productionEnvironment: 'staging' } });
    expect(changed.status).toBe(200);

    const body = await flowWhen((shown) => shown.flow?.productionEnvironment === 'staging' && shown.flowStatus.state === 'current');

    // One staging deployment, a success, 15 days ago.
    expect(body.flow).toMatchObject({ deploymentsPerWeek: 0.08, changeFailureRate: 0, timeToRestoreHours: null });
    expect((await api('/organization', { token: admin.accessToken })).body.settings.productionEnvironment).toBe('staging');
    // Of platform's pull requests of the window (opened 10 and 20 days ago) only the older was merged before it: 5 days = 120 h.
    expect(body.flow.leadTimeForChangesHours).toBe(120);
  });

  it("It should show the demo's release train as delivery figures, for the whole team that joined after the sync", async () => {
    const team = await storyTeam({}, ['dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev', 'ivan-dev', 'judy-dev']);

    // The sync may finish before everyone joined: the dashboard sees the team changed and has the flow counted again.
    const body = await flowWhen((shown) => shown.flowStatus?.state === 'current', team.sarah);

    // The demo moves by whole weeks, so every figure is the dataset's own (docs/analytics.md, "Team flow and delivery").
    expect(body.flow).toMatchObject({
      mergedPRs: 144, prThroughputPerWeek: 11.2, medianPrCycleTimeHours: 22.52, medianTimeToFirstReviewHours: 19.09, reviewCoverage: 0.89,
      deploymentsPerWeek: 3.58, leadTimeForChangesHours: 139.53, changeFailureRate: 0.02, timeToRestoreHours: 2.5,
      previous: { mergedPRs: 0, deploymentsPerWeek: 0, changeFailureRate: null },
    });
    expect(body.flow.repositories.map((repository: { repo: string }) => repository.repo)).toEqual(
      ['api', 'infra', 'mobile', 'web'].map((name) => `${team.githubOrganization}/${name}`),
    );
  }, 120_000);
});

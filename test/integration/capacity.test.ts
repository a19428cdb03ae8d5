import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, unique, type SignedInAdmin } from '../support/accounts';
import { connectAndSync, copyOfDemoOrganization, emulator } from '../support/github-connection';
import { pollUntil } from '../support/polling';
import { api } from '../support/stack';
import { storyTeam } from '../support/story';
import { acceptAndLogIn, invite } from '../support/team';

/**
 * The capacity model on the dashboard: a sparse team of this file's own (a
 * copy of the demo's competitorcorp, where these five have no history,
 * given 8 to 12 commits each over the 90 days and no pull request: about
 * one a week, like a real open-source organization's maintainers), and the
 * demo team with all ten engineers, each connected and synced.
 */
const DAY = 86_400_000;
const MAINTAINERS = ['dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev'];
const HIRING = /\bhire\b|\bhiring\b/i;

async function dashboardOf(admin: SignedInAdmin, engineers: number): Promise<Record<string, any>> {
  const answer = await pollUntil(
    () => api(`/ai/team-performance/${admin.organizationId}`, { token: admin.accessToken }),
    (read) => read.status === 200 && read.body.analysedMembers === engineers,
    { timeoutMs: 45_000, intervalMs: 200, what: `The dashboard did not analyse ${engineers} engineers` },
  );
  return answer.body;
}

let sparse: Record<string, any>;
let demo: Record<string, any>;

beforeAll(async () => {
  const admin = await signedInAdmin();
  const account = await copyOfDemoOrganization({}, 'competitorcorp');
  const now = Date.now();
  for (const [index, login] of MAINTAINERS.entries()) {
    const commits = 8 + index;
    for (let n = 0; n < commits; n++) {
      const date = new Date(now - (2 + Math.floor((n * 85) / commits)) * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const added = await emulator('/_emulator/commits', { method: 'POST', json: { repo: `${account}/platform`, author: login, message: `fix: ${n}`, date } });
      if (added.status !== 201) throw new Error(`adding a commit answered ${added.status}`);
    }
  }
  const people = MAINTAINERS.map((login) => ({ email: `${unique(login)}@maintainers.test`, name: login, role: 'member' as const, githubUsername: login }));
  const invited = await invite(admin, people);
  if (invited.status !== 201) throw new Error(`invite answered ${invited.status}`);
  for (const person of people) await acceptAndLogIn(person.email);
  await connectAndSync(admin, account);
  sparse = await dashboardOf(admin, MAINTAINERS.length);

  const story = await storyTeam({}, ['dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev', 'ivan-dev', 'judy-dev']);
  demo = await dashboardOf(story.sarah, 10);
  console.log("DEMO", JSON.stringify({ teamHealth: demo.teamHealth, overallScore: demo.overallScore, hiringJustification: { ...demo.hiringJustification, assumptions: undefined }, capacity: demo.teamFacts?.capacity, insights: demo.insights, recommendations: demo.recommendations }, null, 1)); console.log("SPARSE", JSON.stringify({ teamHealth: sparse.teamHealth, h: { ...sparse.hiringJustification, assumptions: undefined }, insights: sparse.insights, recommendations: sparse.recommendations }, null, 1));
}, 180_000);

describe('a sparse team on the dashboard', () => {
  it('It should say there is not enough data to judge capacity, and what is missing, with no hire count', () => {
    expect(sparse.hiringJustification).toMatchObject({
      currentCapacity: 'Not enough data to judge capacity: 5 of 5 engineers have fewer than 20 commits in 90 days',
      confidence: 'insufficient_data',
      figures: { suggestedHires: 0 },
    });
    expect(sparse.hiringJustification.recommendation).toMatch(/^Not enough data to judge capacity: /);
  });

  it('It should advise no hiring and raise no alarm anywhere on the page', () => {
    for (const sentence of [...sparse.insights, ...sparse.recommendations]) expect(sentence).not.toMatch(/Hire \d|hire \d|over capacity|near limit|waves/);
    expect(sparse.teamHealth).not.toBe('NEEDS ATTENTION');
  });
});

describe('the demo team on the dashboard', () => {
  it('It should judge capacity with high confidence from ten engineers with a measured pace', () => {
    expect(demo.hiringJustification).toMatchObject({
      confidence: 'high',
      basis: { analysedEngineers: 10, engineersWithEnoughCommits: 10, engineersWithMeasuredPace: 10 },
    });
  });

  it('It should give one piece of capacity advice, the same in the justification, the insights and the recommendations', () => {
    const hiring = demo.hiringJustification;
    const percent = hiring.figures.capacityPercent;
    const [, label] = /^\d+% \((.+)\)$/.exec(hiring.currentCapacity) ?? [];
    const hires = hiring.figures.suggestedHires > 0;
    expect(hires).toBe(label === 'near limit' || label === 'over capacity');
    expect(hiring.recommendation.startsWith(hires ? 'Hire ' : 'No hire needed')).toBe(true);
    expect(demo.insights).toContain(`Team at ${percent}% capacity (${label})`);
    expect(demo.recommendations.filter((sentence: string) => HIRING.test(sentence))).toEqual([hiring.recommendation]);
  });
});

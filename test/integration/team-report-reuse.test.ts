import { describe, expect, it } from 'vitest';
import { emulator } from '../support/github-connection';
import { eventually } from '../support/sqs';
import { api } from '../support/stack';
import { storyTeam } from '../support/story';

/**
 * The dashboard reuses the day's team report while everything it was built
 * from stands, and builds it again as soon as anything it shows changed: a
 * commit the webhook brought, a person's own time zone.
 */
const dashboardOf = (team: { sarah: { organizationId: string; accessToken: string } }) =>
  api<Record<string, any>>(`/ai/team-performance/${team.sarah.organizationId}`, { token: team.sarah.accessToken });
const operationsOf = (response: { headers: Headers }) => (response.headers.get('x-ddb-operations') ?? '').split(',');

describe('the day’s team report, reused', () => {
  it('answers the same without reading any analysis, until a commit arrives by webhook', async () => {
    const team = await storyTeam();
    const first = await dashboardOf(team);
    const again = await dashboardOf(team);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // One BatchGet (organization, connection, sync, flow, the reader, the analyses' stamp, the day's report) beside the
    // members' Query; no page of analyses, no write.
    expect(operationsOf(again).filter((operation) => operation === 'BatchGetItem')).toHaveLength(1);
    expect(operationsOf(again)).not.toContain('PutItem');
    expect(operationsOf(first).filter((operation) => operation === 'BatchGetItem')).toHaveLength(2);

    await emulator('/_emulator/commits', { method: 'POST', json: { repo: `${team.githubOrganization}/api`, author: 'bob-senior', message: 'feat: counted by the team' } });
    let after = again;
    await eventually(async () => {
      after = await dashboardOf(team);
      return after.body.totalCommits > first.body.totalCommits;
    }, 45_000);
    expect(after.body.totalCommits).toBe(first.body.totalCommits + 1);
  }, 60_000);

  it('builds it again when an engineer sets their own time zone', async () => {
    const team = await storyTeam();
    const first = await dashboardOf(team);
    expect((await api('/me/settings', { method: 'PUT', token: team.alice.accessToken, json: { timezone: 'Asia/Tokyo' } })).status).toBe(200);
    const moved = await dashboardOf(team);
    expect(operationsOf(moved).filter((operation) => operation === 'BatchGetItem')).toHaveLength(2);
    expect(moved.body.totalCommits).toBe(first.body.totalCommits);
    expect(moved.body.generatedAt > first.body.generatedAt).toBe(true);
  });
});

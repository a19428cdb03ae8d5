import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf';
import { api, inbox, stack, type Email } from '../support/stack';
import { storyTeam, type StoryTeam } from '../support/story';

/**
 * The privacy rules on every path a person's figures leave by: the team
 * analysis, both report kinds over GET /reports/{id}, their PDF and the
 * email. Reports are made under the default team_transparent and read again
 * after the organization turns fully_private with burnout owner_only.
 */
let team: StoryTeam;
let teamReportId: string;
let namedReportId: string;

const ALICE = ['Alice Dev', 'alice-dev'];
const EVERYONE = [...ALICE, 'Bob Senior', 'bob-senior', 'Charlie Junior', 'charlie-junior'];

async function pdfOf(token: string, reportId: string): Promise<string> {
  const response = await fetch(new URL(`/reports/${reportId}/pdf`, stack().apiUrl), { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return pdfText(Buffer.from(await response.arrayBuffer()));
}

/**
 * The newest email whose `To` header lists `address` among others: the SES
 * emulator keeps a raw message's header as one string ("a@x, b@y"), which
 * the inbox helper (one address per entry) does not split.
 */
async function newestEmailListing(address: string, subject: string): Promise<Email> {
  const response = await fetch(`${stack().sesUrl}/store`);
  const { emails } = (await response.json()) as { emails: Email[] };
  const found = emails
    .filter((email) => email.subject.startsWith(subject))
    .filter((email) => email.destination.to.some((header) => header.toLowerCase().split(/,\s*/).includes(address.toLowerCase())))
    .at(-1);
  if (!found) throw new Error(`No email listing ${address} with the subject "${subject}"`);
  return found;
}

function expectNone(text: string, identifiers: readonly string[]) {
  for (const identifier of identifiers) expect(text.toLowerCase()).not.toContain(identifier.toLowerCase());
}

const burnoutOwnerOnly = { privacyMode: 'fully_private', visibilityRules: { burnoutRisk: 'owner_only' } };

beforeAll(async () => {
  team = await storyTeam();
  const dashboard = await api(`/ai/team-performance/${team.sarah.organizationId}`, { token: team.sarah.accessToken });
  expect(dashboard.status).toBe(200);
  expect(dashboard.body.burnoutRisks.map((risk: { githubUsername: string }) => risk.githubUsername)).toContain('alice-dev');
  teamReportId = `team-${String(dashboard.body.generatedAt).slice(0, 10)}`;
  const named = await api(`/ai/generate-report/${team.sarah.organizationId}`, {
    method: 'POST',
    token: team.sarah.accessToken,
    json: { reportType: 'executive', includeGraphs: true, includeIndividuals: true, confidential: false },
  });
  expect(named.status).toBe(201);
  expect(JSON.stringify(named.body.report)).toContain('Alice Dev');
  namedReportId = named.body.reportId;
}, 180_000);

describe('a viewer, under team_transparent', () => {
  it("reads the team report's aggregates with no one named", async () => {
    const response = await api(`/reports/${teamReportId}`, { token: team.diana.accessToken });
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('topPerformer');
    expect(response.body).not.toHaveProperty('needsSupport');
    expect(response.body.burnoutRisks).toEqual([]);
    expect(response.body.charts.burnoutLevels.high + response.body.charts.burnoutLevels.medium).toBeGreaterThan(0);
    expectNone(JSON.stringify(response.body), [...EVERYONE, team.alice.email]);
  });

  it('reads an executive report made with includeIndividuals:true, and its PDF, with no one named', async () => {
    const response = await api(`/reports/${namedReportId}`, { token: team.diana.accessToken });
    expect(response.status).toBe(200);
    expect(response.body.includeIndividuals).toBe(true);
    expect(response.body).not.toHaveProperty('individuals');
    expectNone(JSON.stringify(response.body), EVERYONE);
    expectNone(await pdfOf(team.diana.accessToken, namedReportId), EVERYONE);
  });
});

describe('after the organization turns fully_private with burnout owner_only', () => {
  beforeAll(async () => {
    const changed = await api('/organization/settings', { method: 'PUT', token: team.sarah.accessToken, json: burnoutOwnerOnly });
    expect(changed.status).toBe(200);
  });

  it('shows the admin the team report made under team_transparent without named burnout now', async () => {
    const response = await api(`/reports/${teamReportId}`, { token: team.sarah.accessToken });
    expect(response.status).toBe(200);
    expect(response.body.topPerformer).toMatchObject({ name: 'Bob Senior', githubUsername: 'bob-senior' });
    expect(response.body.burnoutRisks).toEqual([]);
    expect(response.body.charts.burnoutLevels.high + response.body.charts.burnoutLevels.medium).toBeGreaterThan(0);
    expectNone(JSON.stringify(response.body), ALICE);
  });

  it('shows the admin the executive report and its PDF without named burnout, other figures still named', async () => {
    const response = await api(`/reports/${namedReportId}`, { token: team.sarah.accessToken });
    expect(response.status).toBe(200);
    expect(response.body.individuals.burnoutRisks).toEqual([]);
    expect(response.body.individuals.topPerformer).toMatchObject({ name: 'Bob Senior' });
    expectNone(JSON.stringify(response.body), ALICE);
    const text = await pdfOf(team.sarah.accessToken, namedReportId);
    expect(text).toContain('Bob Senior');
    expectNone(text, ALICE);
  });

  it('answers the admin team dashboard without named burnout entries, keeping the counts', async () => {
    const response = await api(`/ai/team-performance/${team.sarah.organizationId}`, { token: team.sarah.accessToken });
    expect(response.status).toBe(200);
    expect(response.body.burnoutRisks).toEqual([]);
    expect(response.body.charts.burnoutLevels.high + response.body.charts.burnoutLevels.medium).toBeGreaterThan(0);
    expectNone(JSON.stringify(response.body), ALICE);
  });

  it('answers the admin who generates a report with includeIndividuals:true without named burnout', async () => {
    const response = await api(`/ai/generate-report/${team.sarah.organizationId}`, {
      method: 'POST',
      token: team.sarah.accessToken,
      json: { reportType: 'executive', includeGraphs: false, includeIndividuals: true, confidential: true },
    });
    expect(response.status).toBe(201);
    expect(response.body.report.individuals.burnoutRisks).toEqual([]);
    expect(response.body.report.hiringJustification.figures.engineersAtHighRisk).toBeGreaterThan(0);
    expectNone(JSON.stringify(response.body.report), ALICE);
    expectNone(await pdfOf(team.sarah.accessToken, response.body.reportId), ALICE);
  });

  it("keeps Alice's burnout from the admin on code-quality and shows it to Alice", async () => {
    const admin = await api('/ai/code-quality/alice-dev', { token: team.sarah.accessToken });
    expect(admin.status).toBe(200);
    expect(admin.body).not.toHaveProperty('burnout');
    expect(admin.body).toHaveProperty('codeQuality');
    const own = await api('/ai/code-quality/alice-dev', { token: team.alice.accessToken });
    expect(own.body.burnout.patterns).toContain('45% late-night commits');
    expect((await api('/ai/code-quality/alice-dev', { token: team.bob.accessToken })).status).toBe(403);
  });

  it('emails the PDF as the least privileged recipient may see it', async () => {
    const title = (await api(`/reports/${namedReportId}`, { token: team.sarah.accessToken })).body.title as string;
    const toAdmin = await api(`/reports/${namedReportId}/email`, {
      method: 'POST',
      token: team.sarah.accessToken,
      json: { to: [team.sarah.input.email] },
    });
    expect(toAdmin.status).toBe(202);
    const adminCopy = await inbox().waitForEmail(team.sarah.input.email, { subjectStartsWith: title });
    const adminText = await pdfText(Buffer.from(adminCopy.attachments[0]?.content ?? '', 'base64'));
    expect(adminText).toContain('Bob Senior');
    expectNone(adminText, ALICE);

    // Bob is a member: under fully_private he may see no one else's figures, so nor may anyone in this email.
    const mixed = await api(`/reports/${namedReportId}/email`, {
      method: 'POST',
      token: team.sarah.accessToken,
      json: { to: [team.sarah.input.email, team.bob.email] },
    });
    expect(mixed.status).toBe(202);
    // Sent once the API answers 202 (the send is awaited before it), so the emulator holds it already.
    const bobsCopy = await newestEmailListing(team.bob.email, title);
    expectNone(await pdfText(Buffer.from(bobsCopy.attachments[0]?.content ?? '', 'base64')), EVERYONE);
  });
});

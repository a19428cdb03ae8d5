import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, type SignedInAdmin } from '../support/accounts';
import { pdfText } from '../support/pdf';
import { pollUntil } from '../support/polling';
import { api, inbox, stack } from '../support/stack';
import { storyTeam, type StoryTeam } from '../support/story';

const ORDINARY = ['dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev', 'ivan-dev', 'judy-dev'];
let team: StoryTeam;
let eve: SignedInAdmin;

async function downloadPdf(token: string, pdfUrl: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(new URL(pdfUrl, stack().apiUrl), { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

const generate = (token: string, organizationId: string, options: Record<string, unknown>) =>
  api(`/ai/generate-report/${organizationId}`, { method: 'POST', token, json: { reportType: 'executive', ...options } });

beforeAll(async () => {
  [team, eve] = await Promise.all([storyTeam({}, ORDINARY), signedInAdmin()]);
}, 120_000);

describe("Sarah's team dashboard", () => {
  it('shows Bob on top, Charlie needing support and Alice first among burnout risks', async () => {
    const response = await api(`/ai/team-performance/${team.sarah.organizationId}`, { token: team.sarah.accessToken });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      organizationId: team.sarah.organizationId,
      totalMembers: 10,
      topPerformer: { name: 'Bob Senior', githubUsername: 'bob-senior' },
      needsSupport: { name: 'Charlie Junior', githubUsername: 'charlie-junior', recommendation: expect.any(String) },
      hiringJustification: {
        currentCapacity: expect.any(String),
        burnoutRisk: expect.any(String),
        growthPotential: expect.any(String),
        recommendation: expect.any(String),
      },
      pending: [],
    });
    expect(response.body.burnoutRisks[0]).toMatchObject({ githubUsername: 'alice-dev', pattern: '45% late-night commits' });
    expect(response.body.burnoutRisks.every((risk: { riskScore: number }) => risk.riskScore >= 6)).toBe(true);
    expect(response.body.totalCommits).toBeGreaterThan(500);
  });

  it("saves the dashboard as today's team report", async () => {
    await api(`/ai/team-performance/${team.sarah.organizationId}`, { token: team.sarah.accessToken });
    const reports = await api('/reports', { token: team.sarah.accessToken });
    const today = new Date().toISOString().slice(0, 10);
    expect(reports.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ reportId: `team-${today}`, reportType: 'team' })]));
  });

  it("answers another organization's id like a missing one and audits it", async () => {
    const foreign = await api(`/ai/team-performance/${team.sarah.organizationId}`, { token: eve.accessToken });
    const missing = await api('/ai/team-performance/org_doesnotexist', { token: eve.accessToken });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ success: false, error: 'Organization not found', code: 'NOT_FOUND' });
    expect(missing.body).toEqual(foreign.body);
    const audit = (await api('/audit-logs', { token: team.sarah.accessToken })).body.items;
    expect(audit).toEqual(
      expect.arrayContaining([expect.objectContaining({ event: 'UNAUTHORIZED_ACCESS_ATTEMPT', userId: eve.userId, severity: 'HIGH' })]),
    );
  });

  it('is for admins only', async () => {
    const response = await api(`/ai/team-performance/${team.sarah.organizationId}`, { token: team.bob.accessToken });
    expect(response.status).toBe(403);
  });
});

describe('the executive report', () => {
  let anonymous: { reportId: string; report: Record<string, unknown>; pdfUrl: string };

  beforeAll(async () => {
    const response = await generate(team.sarah.accessToken, team.sarah.organizationId, {
      includeGraphs: true,
      includeIndividuals: false,
      confidential: true,
    });
    expect(response.status).toBe(201);
    anonymous = response.body;
  }, 60_000);

  const names = ['Bob Senior', 'Charlie Junior', 'Alice Dev', 'Diana CTO', 'bob-senior', 'charlie-junior', 'alice-dev', 'sarah-em'];

  it('names nobody without includeIndividuals, in the JSON', () => {
    expect(anonymous).toMatchObject({ reportId: expect.any(String), pdfUrl: `/reports/${anonymous.reportId}/pdf` });
    const json = JSON.stringify(anonymous.report).toLowerCase();
    for (const name of [...names, ...ORDINARY, team.bob.email, team.diana.email]) expect(json).not.toContain(name.toLowerCase());
  });

  it('names nobody in the PDF text either, and says what it is about', async () => {
    const pdf = await downloadPdf(team.sarah.accessToken, anonymous.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(team.sarah.input.organizationName);
    expect(text).toContain('CONFIDENTIAL');
    for (const name of [...names, ...ORDINARY]) expect(text.toLowerCase()).not.toContain(name.toLowerCase());
  });

  it('lets Diana (viewer) list it and download the same PDF', async () => {
    const listed = await api('/reports', { token: team.diana.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).toMatchObject({ reportId: anonymous.reportId, reportType: 'executive', generatedBy: team.sarah.userId });
    const fromSarah = await downloadPdf(team.sarah.accessToken, anonymous.pdfUrl);
    const fromDiana = await downloadPdf(team.diana.accessToken, anonymous.pdfUrl);
    expect(fromDiana.status).toBe(200);
    expect(fromDiana.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(fromDiana.bytes.equals(fromSarah.bytes)).toBe(true);
    expect((await api(`/reports/${anonymous.reportId}`, { token: team.diana.accessToken })).body).toEqual(anonymous.report);
  });

  it("emails the PDF to Diana's inbox as an attachment", async () => {
    const response = await api(`/reports/${anonymous.reportId}/email`, {
      method: 'POST',
      token: team.sarah.accessToken,
      json: { to: [team.diana.email] },
    });
    expect(response.status).toBe(202);
    const email = await inbox().waitForEmail(team.diana.email, { subjectStartsWith: String(anonymous.report['title']) });
    const [attachment] = email.attachments;
    expect(attachment?.contentType).toBe('application/pdf');
    const sent = Buffer.from(attachment?.content ?? '', 'base64');
    const downloaded = await downloadPdf(team.sarah.accessToken, anonymous.pdfUrl);
    expect(sent.equals(downloaded.bytes)).toBe(true);
  });

  it('refuses an address outside the organization and sends nothing', async () => {
    const outsider = `outsider-${Date.now()}@elsewhere.test`;
    const response = await api(`/reports/${anonymous.reportId}/email`, {
      method: 'POST',
      token: team.sarah.accessToken,
      json: { to: [team.diana.email, outsider] },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ path: 'to.1', message: expect.any(String) }]);
    expect(await inbox().emailsTo(outsider)).toEqual([]);
  });

  it('names the people when asked to', async () => {
    const response = await generate(team.sarah.accessToken, team.sarah.organizationId, {
      includeGraphs: false,
      includeIndividuals: true,
      confidential: false,
    });
    expect(response.status).toBe(201);
    expect(JSON.stringify(response.body.report)).toContain('Alice Dev');
    const text = await pdfText((await downloadPdf(team.sarah.accessToken, response.body.pdfUrl)).bytes);
    expect(text).not.toContain('CONFIDENTIAL');
  });

  it("answers another organization's report id like a missing one", async () => {
    const foreign = await api(`/reports/${anonymous.reportId}`, { token: eve.accessToken });
    const missing = await api('/reports/rpt_missing', { token: eve.accessToken });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await downloadPdf(eve.accessToken, anonymous.pdfUrl)).status).toBe(404);
  });

  it('keeps reports from members', async () => {
    expect((await api('/reports', { token: team.bob.accessToken })).status).toBe(403);
  });
});

describe("the executive report's delivery and summary", () => {
  let dashboard: Record<string, any>;
  let delivered: { reportId: string; report: Record<string, any>; pdfUrl: string };

  beforeAll(async () => {
    // The flow is computed just after the sync, and again once the whole team has joined: the report is asked for once it is current.
    dashboard = await pollUntil(
      async () => (await api(`/ai/team-performance/${team.sarah.organizationId}`, { token: team.sarah.accessToken })).body,
      (body) => body.flowStatus?.state === 'current',
      { timeoutMs: 45_000, intervalMs: 250, what: 'The team flow was not current' },
    );
    const response = await generate(team.sarah.accessToken, team.sarah.organizationId, { includeGraphs: true, includeIndividuals: false, confidential: true });
    expect(response.status).toBe(201);
    delivered = response.body;
  }, 60_000);

  it("states every flow figure of the team analysis, and says the demo's window before has no data", () => {
    const { delivery } = delivered.report;
    expect(delivery.state).toBe('current');
    expect(delivery.figures.map((figure: { field: string }) => figure.field)).toHaveLength(9);
    for (const figure of delivery.figures) {
      expect(figure.value).toBe(dashboard.flow[figure.field]);
      // The demo's history is 80 days: the 90 days before hold nothing.
      expect(figure).toMatchObject({ previous: null, change: 'no_data_before' });
    }
    expect(delivery.figures.find((figure: { field: string }) => figure.field === 'medianPrCycleTimeHours').text).toBe('PR cycle time 22.5 h, no data before');
    expect(delivery.repositories.map((repository: { repo: string }) => repository.repo).sort()).toEqual(
      dashboard.flow.repositories.map((repository: { repo: string }) => repository.repo).sort(),
    );
  });

  it("opens with the summary, quoting the hiring model's capacity line as the team analysis gives it", () => {
    const { summary } = delivered.report;
    expect(summary).toMatch(/^Team (is|needs|has)|^Not enough data/u);
    expect(summary).toContain('Delivery over the last 90 days: deployment frequency 3.6 a week; PR cycle time 22.5 h; change failure rate 2% (no data before to compare with).');
    expect(summary).toContain(`Capacity: ${dashboard.hiringJustification.currentCapacity};`);
  });

  it('prints the summary first, then the delivery section, and labels the partial week, naming nobody', async () => {
    const text = (await pdfText((await downloadPdf(team.sarah.accessToken, delivered.pdfUrl)).bytes)).replace(/\s+/gu, ' ');
    const summaryAt = text.indexOf(delivered.report.summary.slice(0, 60));
    expect(summaryAt).toBeGreaterThan(0);
    expect(summaryAt).toBeLessThan(text.indexOf('Team overview'));
    // The section's heading, then its windows ("Delivery 3 September 2026 to …"): the summary says "Delivery" too.
    expect(text.indexOf('Team overview')).toBeLessThan(text.search(/Delivery \d{1,2} [A-Z][a-z]+ \d{4} to /u));
    expect(text).toContain('PR cycle time 22.5 h no data no data before');
    expect(text).toMatch(/hatched: partial week of 6 days from \d+ [A-Z][a-z]{2}/u);
    const partial = delivered.report.charts.commitsPerWeek.filter((week: { partial: boolean }) => week.partial);
    expect(partial).toEqual([expect.objectContaining({ days: 6 })]);
    for (const name of ['Bob Senior', 'Charlie Junior', 'Alice Dev', 'bob-senior', 'charlie-junior', 'alice-dev', ...ORDINARY]) {
      expect(text.toLowerCase()).not.toContain(name.toLowerCase());
    }
  });
});

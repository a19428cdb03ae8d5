import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExecutiveReport } from '../../../src/domain/reports/types';
import { ReportPdfError, renderExecutiveReportPdf } from '../../../src/integrations/pdf/executive-report-pdf';
import { PEOPLE, PERSON_IDENTIFIERS, SECTION_HEADINGS, anonymousReport, fullReport, longReport } from './fixtures';

interface Extracted {
  readonly pages: readonly string[];
  readonly text: string;
  readonly info: Record<string, unknown>;
}

async function extract(pdf: Buffer): Promise<Extracted> {
  // pdf.js may transfer (detach) the bytes it is given: it gets a copy.
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    const pages = text.pages.map((page) => page.text);
    return { pages, text: pages.join('\n'), info: (info.info ?? {}) as Record<string, unknown> };
  } finally {
    await parser.destroy();
  }
}

const lines = (text: string) => text.split('\n').map((line) => line.trim());
const count = (text: string, needle: string) => text.split(needle).length - 1;
const CHART_TITLES = ['Code quality distribution', 'Burnout risk levels', 'Commits per week'];
const SUBHEADINGS = ['Code quality', 'Productivity', 'Burnout risk', 'Immediate', 'Short-term', 'Long-term', 'Top performer', 'Needs support', 'Burnout risks'];

const rendered = {} as Record<'full' | 'anonymous' | 'long', { pdf: Buffer; parsed: Extracted }>;

beforeAll(async () => {
  for (const [key, report] of [['full', fullReport], ['anonymous', anonymousReport], ['long', longReport]] as const) {
    const pdf = await renderExecutiveReportPdf(report);
    rendered[key] = { pdf, parsed: await extract(pdf) };
  }
});

describe('renderExecutiveReportPdf', () => {
  it.each(['full', 'anonymous', 'long'] as const)('It should produce a well-formed PDF (%s)', (key) => {
    const { pdf } = rendered[key];
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('It should show the organization, the period and every section heading, in order', () => {
    const text = rendered.full.parsed.text;
    expect(text).toContain('TechStartup Inc');
    expect(text).toContain('Q1 2025');
    const headingLines = lines(text);
    const positions = [...SECTION_HEADINGS, 'People'].map((heading) => headingLines.indexOf(heading));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('It should show the generated date in UTC and the analysis engine', () => {
    const text = rendered.full.parsed.text;
    expect(text).toContain('Generated 25 November 2026');
    expect(text).toContain('Analysis engine: heuristic');
  });

  it('It should show the team overview figures and the hiring case', () => {
    const text = rendered.full.parsed.text;
    for (const figure of ['8,234', '7.4 / 10', 'GOOD with', '85% (near limit)', 'Hire 2 engineers within 90 days']) {
      expect(text).toContain(figure);
    }
    expect(text).toContain('A sustainable load is 40 hours a week per engineer.');
  });

  it('It should draw the three charts with their labels when graphs are included', () => {
    const text = rendered.full.parsed.text;
    for (const title of CHART_TITLES) expect(text).toContain(title);
    expect(text).toContain('13 Jan');
    expect(text).toContain('7 (70%)');
  });

  it('It should name the people only in a report that includes individuals', () => {
    expect(rendered.full.parsed.text).toContain('Alice Developer (@alice-dev): risk 8.1/10, 45% late-night commits');
    expect(rendered.full.parsed.text).toContain('Bob Senior (@bob-senior)');
  });

  it('It should carry no name or GitHub username in an anonymous report', () => {
    const text = rendered.anonymous.parsed.text;
    for (const identifier of PERSON_IDENTIFIERS) expect(text).not.toContain(identifier);
    expect(lines(text)).not.toContain('People');
  });

  it('It should draw no names even if individuals are attached to a report requested without them', async () => {
    const pdf = await renderExecutiveReportPdf({ ...anonymousReport, individuals: fullReport.individuals });
    const { text } = await extract(pdf);
    for (const identifier of PERSON_IDENTIFIERS) expect(text).not.toContain(identifier);
  });

  it("It should say a person the reader may not see is not shown, and draw only the figures they may see", async () => {
    const bob = fullReport.individuals?.topPerformer ?? PEOPLE.bob;
    const pdf = await renderExecutiveReportPdf({
      ...fullReport,
      individuals: { topPerformer: { name: bob.name, githubUsername: bob.githubUsername, codeQualityScore: 8.9 }, burnoutRisks: [] },
    });
    const text = lines((await extract(pdf)).text).join('\n');
    expect(text).toContain('Bob Senior (@bob-senior): code quality 8.9/10');
    expect(text).not.toMatch(/Bob Senior \(@bob-senior\): code quality 8\.9\/10, [\d,]+ commits/);
    expect(text).toContain("Not shown under the organization's privacy settings.");
    expect(text).not.toContain(PEOPLE.alice.name);
  });

  it('It should draw no charts without graphs', () => {
    const text = rendered.anonymous.parsed.text;
    for (const title of CHART_TITLES) expect(text).not.toContain(title);
  });

  it.each(['full', 'long'] as const)('It should print CONFIDENTIAL exactly once on every page (%s)', (key) => {
    const { pages } = rendered[key].parsed;
    expect(pages.map((page) => count(page, 'CONFIDENTIAL'))).toEqual(pages.map(() => 1));
  });

  it('It should never print CONFIDENTIAL in a report that is not confidential', () => {
    expect(rendered.anonymous.parsed.text).not.toContain('CONFIDENTIAL');
  });

  it.each(['full', 'anonymous', 'long'] as const)('It should number every page "Page n of m" (%s)', (key) => {
    const { pages } = rendered[key].parsed;
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
  });

  it('It should flow long lists over several pages without losing an item', () => {
    const { pages, text } = rendered.long.parsed;
    expect(pages.length).toBeGreaterThan(1);
    for (const prefix of ['Quality', 'Productivity', 'Burnout', 'Immediate', 'Short', 'Long', 'Assumption']) {
      const total = prefix === 'Assumption' ? 20 : ['Immediate', 'Short', 'Long'].includes(prefix) ? 15 : 25;
      for (let i = 1; i <= total; i++) expect(text).toContain(`${prefix} ${i}: a finding`);
    }
  });

  it('It should never leave a heading as the last line of a page', () => {
    const headings = new Set([...SECTION_HEADINGS, 'People', ...SUBHEADINGS, 'Assumptions']);
    for (const page of rendered.long.parsed.pages) {
      // The header and footer bands are stamped after the body: the body's last line comes before them.
      const body = lines(page).filter((line) => line.length > 0);
      const lastBodyLine = body[body.length - 3];
      expect(headings.has(lastBodyLine ?? '')).toBe(false);
    }
  });

  it('It should set the title, author, subject and dates in the metadata', () => {
    const { info } = rendered.full.parsed;
    expect(info.Title).toBe('Executive Intelligence Report: TechStartup Inc, Q1 2025');
    expect(info.Author).toBe('DevInsights');
    expect(info.Subject).toBe('Engineering team intelligence for TechStartup Inc, Q1 2025');
    expect(info.CreationDate).toBe('D:20261125143000Z');
    expect(info.ModDate).toBe('D:20261125143000Z');
  });

  it.each(['full', 'anonymous', 'long'] as const)('It should render the same report to identical bytes (%s)', async (key) => {
    const report = { full: fullReport, anonymous: anonymousReport, long: longReport }[key];
    const again = await renderExecutiveReportPdf(structuredClone(report));
    expect(again.equals(rendered[key].pdf)).toBe(true);
  });

  it('It should give different reports different file IDs', async () => {
    const fileId = (pdf: Buffer) => /\/ID \[(<[0-9a-f]+>)/.exec(pdf.toString('latin1'))?.[1];
    const other = await renderExecutiveReportPdf({ ...fullReport, conclusion: 'Another conclusion.' });
    expect(fileId(rendered.full.pdf)).toMatch(/^<[0-9a-f]{32}>$/);
    expect(fileId(other)).not.toBe(fileId(rendered.full.pdf));
  });

  it('It should keep text in the standard fonts readable when the analysis uses emoji and symbols', async () => {
    const report: ExecutiveReport = {
      ...anonymousReport,
      keyFindings: { ...anonymousReport.keyFindings, codeQuality: ['CODE QUALITY ✅ 70% of engineers ≥ 7.0 → on track'] },
      organizationName: 'Müller & Søn AB',
    };
    const { text } = await extract(await renderExecutiveReportPdf(report));
    expect(text).toContain('CODE QUALITY 70% of engineers >= 7.0 -> on track');
    expect(text).toContain('Müller & Søn AB');
  });

  it('It should refuse a report without a valid generatedAt', async () => {
    await expect(renderExecutiveReportPdf({ ...fullReport, generatedAt: 'yesterday' })).rejects.toBeInstanceOf(ReportPdfError);
  });

  it('It should keep the sample-sized report small enough to email', () => {
    expect(rendered.full.pdf.length).toBeLessThan(200_000);
    expect(rendered.long.pdf.length).toBeLessThan(200_000);
  });
});

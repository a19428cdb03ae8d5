import { describe, expect, it } from 'vitest';
import { deliverySectionOf } from '../../../src/domain/reports/executive-delivery';
import type { ExecutiveReport } from '../../../src/domain/reports/types';
import { renderExecutiveReportPdf } from '../../../src/integrations/pdf/executive-report-pdf';
import { pdfText } from '../../support/pdf';
import { FLOW, fullReport } from './fixtures';

const textOf = async (report: ExecutiveReport) => (await pdfText(await renderExecutiveReportPdf(report))).replace(/\s+/gu, ' ');

describe('the PDF summary and delivery section', () => {
  it('It should print the summary as the first block, before the team overview', async () => {
    const text = await textOf(fullReport);
    const summary = text.indexOf(fullReport.summary ?? 'missing');
    expect(summary).toBeGreaterThan(text.indexOf(fullReport.organizationName));
    expect(summary).toBeLessThan(text.indexOf('Team overview'));
  });

  it('It should print every delivery figure with the window before and the change', async () => {
    const text = await textOf(fullReport);
    const delivery = text.slice(text.indexOf('Delivery '));
    for (const row of ['PR cycle time 22.5 h 30.1 h down 25%', 'Change failure rate 2% 5% down 3 points', 'Deployment frequency 3.6 a week 3.6 a week no change']) {
      expect(delivery).toContain(row);
    }
    for (const figure of fullReport.delivery?.figures ?? []) expect(delivery).toContain(figure.label);
    expect(delivery).toContain('techstartup/api: 80 merged pull requests');
  });

  it('It should say the figures are out of date instead of printing them', async () => {
    const outdated = deliverySectionOf({ flow: FLOW, flowStatus: { state: 'outdated', reason: 'These figures end at 2025-03-20T00:00:00Z.' } });
    const text = await textOf({ ...fullReport, delivery: outdated });
    expect(text).toContain('Delivery figures are left out because they are out of date');
    expect(text).not.toContain('PR cycle time');
  });

  it('It should label the partial week of the commits chart', async () => {
    expect(await textOf(fullReport)).toContain('hatched: partial week of 6 days from 6 Jan');
  });

  it('It should render a report stored before the summary and delivery existed without either heading', async () => {
    const { summary: _summary, delivery: _delivery, ...older } = fullReport;
    const text = await textOf(older);
    expect(text).not.toContain('Summary');
    expect(text).not.toMatch(/\bDelivery\b/u);
    expect(text).toContain('Team overview');
  });
});

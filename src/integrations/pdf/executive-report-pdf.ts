/**
 * The executive report as an A4 PDF a CTO can forward: pdfkit vector text and
 * graphics in the standard Helvetica fonts, so the text extracts and nothing
 * needs a browser.
 *
 * Deterministic: one report always gives the same bytes, so a stored PDF can
 * be compared, cached and re-sent unchanged. pdfkit would otherwise stamp the
 * rendering time (CreationDate, and the XMP/ID derived from it); both dates
 * come from `generatedAt` instead, and the trailer's file ID is a hash of the
 * report itself (below), never a clock or a random value.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { ExecutiveReport } from '../../domain/reports/types';
import { formatLongDate, toWinAnsi } from './format';
import { delivery, summary } from './delivery-section';
import { PAGE, type Doc } from './layout';
import { stampPages } from './page-bands';
import { conclusion, hiringJustification, keyFindings, people, recommendations, teamOverview, titleBlock } from './sections';

export class ReportPdfError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReportPdfError';
  }
}

/** JSON with object keys sorted, so equal reports hash alike whatever order their fields were built in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The trailer /ID (16 bytes, as PDF readers expect): unique per report content.
 * pdfkit computes its own from the info dictionary in the constructor and keeps
 * it in `_id`, which it writes at the end; it is replaced before anything is
 * written. The determinism test fails if a pdfkit upgrade changes that.
 */
function pinFileId(doc: Doc, report: ExecutiveReport): void {
  const id = createHash('sha256').update(canonicalJson(report)).digest().subarray(0, 16);
  (doc as unknown as { _id: Uint8Array })._id = new Uint8Array(id);
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export async function renderExecutiveReportPdf(report: ExecutiveReport): Promise<Buffer> {
  const generatedAt = new Date(report.generatedAt);
  if (Number.isNaN(generatedAt.getTime())) {
    throw new ReportPdfError(`Report ${report.reportId} has no valid generatedAt: ${report.generatedAt}`);
  }
  const organization = toWinAnsi(report.organizationName);
  const period = toWinAnsi(report.period.label);
  const doc: Doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    displayTitle: true,
    lang: 'en',
    info: {
      Title: `${toWinAnsi(report.title)}: ${organization}, ${period}`,
      Author: 'DevInsights',
      Subject: `Engineering team intelligence for ${organization}, ${period}`,
      Creator: 'DevInsights',
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  pinFileId(doc, report);
  const bytes = collect(doc);

  titleBlock(doc, report, generatedAt);
  summary(doc, report);
  teamOverview(doc, report);
  delivery(doc, report);
  keyFindings(doc, report);
  recommendations(doc, report);
  hiringJustification(doc, report);
  conclusion(doc, report);
  // Names only when the report was requested with them: the contract forbids
  // any person's name in a report requested without individuals.
  if (report.includeIndividuals && report.individuals) people(doc, report.individuals);

  stampPages(doc, {
    headerLeft: `DevInsights  ·  ${report.organizationName}  ·  ${report.title}`,
    footerLeft: `${report.period.label}  ·  Generated ${formatLongDate(generatedAt)}`,
    confidential: report.confidential,
  });
  doc.end();
  return bytes;
}

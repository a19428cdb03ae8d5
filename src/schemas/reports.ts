import * as z from 'zod';
import { Email, OpaqueId } from './common';

export const ExecutiveReportBody = z
  .object({
    reportType: z.literal('executive'),
    includeGraphs: z.boolean().default(true),
    includeIndividuals: z.boolean().default(false),
    confidential: z.boolean().default(true),
  })
  .strict();
export type ExecutiveReportBody = z.infer<typeof ExecutiveReportBody>;

export const ReportParams = z.object({ reportId: OpaqueId }).strict();

export const EmailReportBody = z.object({ to: z.array(Email).min(1).max(50) }).strict();

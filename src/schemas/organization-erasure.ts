import * as z from 'zod';

/** The `organization-erasure` queue's message (src/jobs.ts): which organization to erase, once its admin asked. */
export const OrganizationErasureMessage = z.object({ orgId: z.string().min(1).max(64) }).strict();

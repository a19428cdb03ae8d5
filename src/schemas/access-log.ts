import * as z from 'zod';
import { ROLES } from '../domain/roles';

/** Entries of one message: well inside SQS's 256 KiB even with long names and descriptions. */
export const ACCESS_LOG_ENTRIES_PER_MESSAGE = 100;

/**
 * The `access-log` queue's message (src/jobs.ts): entries of the access logs
 * of the people a read was about. The ids are made by the read, so a message
 * delivered twice writes the same items twice, never two entries.
 */
export const AccessLogMessage = z
  .object({
    orgId: z.string().min(1).max(64),
    at: z.iso.datetime(),
    entries: z
      .array(
        z
          .object({
            id: z.string().min(1).max(64),
            login: z.string().min(1).max(100),
            viewer: z.object({ name: z.string().max(500), role: z.enum(ROLES) }).strict(),
            what: z.string().max(2000),
          })
          .strict(),
      )
      .min(1)
      .max(ACCESS_LOG_ENTRIES_PER_MESSAGE),
  })
  .strict();
export type AccessLogMessage = z.infer<typeof AccessLogMessage>;

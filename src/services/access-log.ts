import { analysisReadWhat, peopleIn, reportAccessRecords, type AccessRecord, type AccessViewer } from '../domain/access-log';
import type { PersonFigureKind } from '../domain/privacy';
import type { TenantContext } from '../guard/tenant-context';
import { logger, type Logger } from '../http/logger';
import { enqueueMany } from '../integrations/queue';
import { job } from '../jobs';
import { listAccesses, loginsStillLogged, newAccessEntries, recordAccesses, type AccessEntry } from '../repositories/access-log';
import { ACCESS_LOG_ENTRIES_PER_MESSAGE, type AccessLogMessage } from '../schemas/access-log';
import { getOwnMember } from '../repositories/members';
import { decodeCursor, encodeCursor } from './signed-cursor';

/**
 * The access log of the people measured: every read of someone's analysis
 * by another person, and every read of a report that names them, lands in
 * their own log (`GET /me/access-log`). The read works out the entries and
 * sends them to the `access-log` queue (one SendMessageBatch, however many
 * people it names), whose worker writes them; a dashboard naming 130 people
 * no longer waits for six BatchWrites. If the queue refuses them, the read
 * writes them itself: slower, never lost.
 */
const CURSOR_PURPOSE = 'access-log-cursor';

async function logAccesses(tenant: TenantContext, records: readonly AccessRecord[], now: Date): Promise<void> {
  if (records.length === 0) return;
  const entries = newAccessEntries(records);
  const messages: AccessLogMessage[] = [];
  for (let start = 0; start < entries.length; start += ACCESS_LOG_ENTRIES_PER_MESSAGE) {
    messages.push({ orgId: tenant.orgId, at: now.toISOString(), entries: entries.slice(start, start + ACCESS_LOG_ENTRIES_PER_MESSAGE) });
  }
  try {
    await enqueueMany(job('access-log'), messages);
  } catch (error) {
    logger.warn('access-log entries not queued: written by the read instead', { entries: entries.length, error });
    await recordAccesses(tenant, entries, now);
  }
}

/** The `access-log` worker: the entries of one message, but none for a person (or organization) erased since the read. */
export async function writeQueuedAccesses(message: AccessLogMessage, log: Logger): Promise<void> {
  const tenant = { orgId: message.orgId };
  const logged = await loginsStillLogged(tenant, message.entries.map((entry) => entry.login));
  const kept: AccessEntry[] = message.entries.filter((entry) => logged.has(entry.login.toLowerCase()));
  if (kept.length < message.entries.length) log.info('access-log entries of people erased since the read dropped', { dropped: message.entries.length - kept.length });
  await recordAccesses(tenant, kept, new Date(message.at));
}

export function recordAnalysisRead(
  tenant: TenantContext,
  read: { readonly login: string; readonly viewer: AccessViewer; readonly figures: ReadonlySet<PersonFigureKind> },
  now: Date,
): Promise<void> {
  return logAccesses(tenant, [{ login: read.login, viewer: read.viewer, what: analysisReadWhat(read.figures) }], now);
}

/** A report as each of `viewers` was shown it (`view`); `stored` is the report as kept, to find who could be in it. */
export async function recordReportRead(
  tenant: TenantContext,
  read: { readonly stored: unknown; readonly view: unknown; readonly viewers: readonly AccessViewer[]; readonly readerLogin?: string | undefined; readonly report: string },
  now: Date,
): Promise<void> {
  const people = peopleIn(read.stored);
  const records = read.viewers.flatMap((viewer) =>
    reportAccessRecords({ view: read.view, people, viewer, readerLogin: read.readerLogin, report: read.report }),
  );
  await logAccesses(tenant, records, now);
}

/** `GET /me/access-log`: the caller's member record (their login), then one Query per page. */
export async function accessLogPage(tenant: TenantContext, limit: number, cursor?: string) {
  const after = cursor ? await decodeCursor(CURSOR_PURPOSE, tenant, cursor) : undefined;
  const login = (await getOwnMember(tenant))?.githubUsername;
  if (!login) return { items: [], nextCursor: null };
  const { entries, lastKey } = await listAccesses(tenant, login, limit, after);
  return {
    items: entries.map((entry) => ({ timestamp: new Date(entry.timestamp).toISOString(), viewer: entry.viewer, what: entry.what })),
    nextCursor: lastKey ? await encodeCursor(CURSOR_PURPOSE, tenant, lastKey) : null,
  };
}

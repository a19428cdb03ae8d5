import { analysisReadWhat, peopleIn, reportAccessRecords, type AccessViewer } from '../domain/access-log';
import type { PersonFigureKind } from '../domain/privacy';
import type { TenantContext } from '../guard/tenant-context';
import { listAccesses, recordAccesses } from '../repositories/access-log';
import { getOwnMember } from '../repositories/members';
import { decodeCursor, encodeCursor } from './signed-cursor';

/**
 * The access log of the people measured: every read of someone's analysis
 * by another person, and every read of a report that names them, lands in
 * their own log (`GET /me/access-log`). The callers start the write beside
 * the rest of their work (rendering, recomputing, sending) and await both,
 * so it adds a round trip only where nothing else is left to do.
 */
const CURSOR_PURPOSE = 'access-log-cursor';

export function recordAnalysisRead(
  tenant: TenantContext,
  read: { readonly login: string; readonly viewer: AccessViewer; readonly figures: ReadonlySet<PersonFigureKind> },
  now: Date,
): Promise<void> {
  return recordAccesses(tenant, [{ login: read.login, viewer: read.viewer, what: analysisReadWhat(read.figures) }], now);
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
  if (records.length > 0) await recordAccesses(tenant, records, now);
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

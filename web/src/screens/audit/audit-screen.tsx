import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { AdminOnly } from '../../components/admin-only';
import { ErrorMessage, SelectField } from '../../components/form';
import { membersQuery } from '../../api/queries';

const PAGE_SIZES = [
  { value: '25', label: '25 entries a page' },
  { value: '50', label: '50 entries a page' },
  { value: '100', label: '100 entries a page' },
] as const;
type PageSize = (typeof PAGE_SIZES)[number]['value'];

export function AuditScreen() {
  return (
    <AdminOnly title="Audit log" refusal="Only admins read the audit log.">
      <AuditLog />
    </AdminOnly>
  );
}

/** The API pages the log with an opaque cursor and offers no filter; "Load more" asks for the next page. */
function AuditLog() {
  const [pageSize, setPageSize] = useState<PageSize>('50');
  const log = useInfiniteQuery({
    queryKey: ['audit', pageSize],
    queryFn: ({ pageParam }) =>
      unwrap(api().GET('/audit-logs', { params: { query: { limit: Number(pageSize), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack">
      <h1>Audit log</h1>
      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">What happened in this organization, newest first</h2>
        <div className="toolbar">
          <SelectField label="Page size" options={PAGE_SIZES} value={pageSize} onValueChange={setPageSize} />
        </div>
        {log.isPending ? <p role="status">Loading the audit log…</p> : null}
        <ErrorMessage error={log.error} />
        {log.data && entries.length === 0 ? <p>Nothing has been recorded yet.</p> : null}
        {entries.length > 0 ? <AuditTable entries={entries} /> : null}
        <div className="toolbar">
          {log.hasNextPage ? (
            <button type="button" disabled={log.isFetchingNextPage} aria-busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : log.data ? (
            <span className="muted">That is the whole log.</span>
          ) : null}
          {log.data ? (
            <span role="status" className="muted">
              {entries.length} {entries.length === 1 ? 'entry' : 'entries'} shown
            </span>
          ) : null}
        </div>
      </section>
    </div>
  );
}

function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  // Entries name people by id; a member's name reads better, anyone else (a former member, another organization's user) stays an id.
  const members = useQuery(membersQuery);
  const nameOf = (userId: string) => members.data?.items.find((member) => member.userId === userId)?.name;
  return (
    <DataTable columns={['When', 'Severity', 'Event', 'Result', 'Resource', 'By', 'Details']} className="audit">
      {entries.map((entry, index) => (
        <tr key={`${entry.timestamp}-${entry.event}-${index}`}>
          <td>{new Date(entry.timestamp).toLocaleString()}</td>
          <td className={`severity-${entry.severity}`}>{entry.severity}</td>
          <td>
            {entry.event}
            {entry.count !== undefined && entry.count > 1 ? (
              <span className="muted">
                {' '}
                ×{entry.count}
                {entry.lastAttemptAt ? `, last ${new Date(entry.lastAttemptAt).toLocaleString()}` : ''}
              </span>
            ) : null}
          </td>
          <td>{entry.result}</td>
          <td>
            <code>{entry.resource}</code>
          </td>
          <td>{nameOf(entry.userId) ?? <code>{entry.userId}</code>}</td>
          <td>{entry.details ? <Details details={entry.details} /> : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function Details({ details }: { details: Readonly<Record<string, unknown>> }) {
  return (
    <ul className="details">
      {Object.entries(details).map(([key, value]) => (
        <li key={key}>
          {key}: {typeof value === 'string' ? value : JSON.stringify(value)}
        </li>
      ))}
    </ul>
  );
}

import { DataTable } from '../../components/data-table';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { ErrorMessage } from '../../components/form';
import { downloadOwnData, fetchAccessLog } from './person-data';

/** For the person themself: who read their analysis (or a report naming them), and all their data as a file. */
export function OwnData({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const log = useInfiniteQuery({
    queryKey: ['access-log', organizationId],
    queryFn: ({ pageParam }) => fetchAccessLog(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const download = useMutation({ mutationFn: () => downloadOwnData(organizationName) });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <section className="card" aria-labelledby="viewed-heading">
        <h2 id="viewed-heading">Who viewed my analysis</h2>
        {log.isPending ? <p role="status">Loading who viewed your analysis…</p> : null}
        <ErrorMessage error={log.error} />
        {log.isSuccess && entries.length === 0 ? <p className="muted">No one else has read your analysis or a report naming you yet.</p> : null}
        {entries.length > 0 ? (
          <DataTable columns={['When', 'Who', 'What they saw']}>
            {entries.map((entry, index) => (
              <tr key={`${entry.timestamp}-${index}`}>
                <td>{new Date(entry.timestamp).toLocaleString()}</td>
                <td>
                  {entry.viewer.name} <span className="badge">{entry.viewer.role}</span>
                </td>
                <td>{entry.what}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {log.hasNextPage ? (
          <button type="button" disabled={log.isFetchingNextPage} aria-busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {log.isFetchingNextPage ? 'Loading more…' : 'Show older views'}
          </button>
        ) : null}
      </section>
      <section className="card" aria-labelledby="data-heading">
        <h2 id="data-heading">My data</h2>
        <p>Everything this organization stores about you: profile, membership, activity, analyses and audit entries about you.</p>
        <button type="button" disabled={download.isPending} aria-busy={download.isPending} onClick={() => download.mutate()}>
          {download.isPending ? 'Preparing the file…' : 'Download my data (JSON)'}
        </button>
        <ErrorMessage error={download.error} />
      </section>
    </>
  );
}

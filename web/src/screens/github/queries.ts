import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { SyncState } from '../../api/types';

export const connectionQuery = queryOptions({
  queryKey: ['github', 'connection'],
  queryFn: () => unwrap(api().GET('/integrations/github')),
});

/** A sync moves on the queue, not in the request: while one runs, its progress is read again every two seconds. */
export const syncQuery = queryOptions({
  queryKey: ['github', 'sync'],
  queryFn: () => unwrap(api().GET('/sync')),
  refetchInterval: (query) => (isMoving(query.state.data) ? 2_000 : false),
});

export function isMoving(sync: SyncState | undefined): boolean {
  return sync?.status === 'running' || sync?.status === 'waiting_for_rate_limit';
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, unwrap } from '../../api/client';
import type { SyncState } from '../../api/types';
import { ErrorMessage } from '../../components/form';
import { isMoving, syncQuery } from './queries';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function SyncPanel() {
  const queryClient = useQueryClient();
  const sync = useQuery(syncQuery);
  const start = useMutation({
    mutationFn: () => unwrap(api().POST('/sync')),
    // The 202 is the sync in force: shown at once, and polled from there.
    onSuccess: (started) => queryClient.setQueryData(syncQuery.queryKey, started),
  });
  useLastSyncAfterFinish(sync.data);
  const shown = sync.data;
  const moving = isMoving(shown);
  return (
    <section className="card" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      <p className="muted">DevInsights reads GitHub in the background: when you connect, once a day, and a few seconds after each push.</p>
      {sync.isPending ? <p role="status">Reading the sync…</p> : null}
      <ErrorMessage error={sync.error} />
      {shown ? <SyncProgress sync={shown} /> : null}
      <div className="toolbar">
        <button type="button" className="primary" disabled={moving || start.isPending} aria-busy={start.isPending} onClick={() => start.mutate()}>
          Sync now
        </button>
      </div>
      <ErrorMessage error={start.error} />
    </section>
  );
}

function SyncProgress({ sync }: { sync: SyncState }) {
  const { done, total } = sync.repositories;
  const moving = isMoving(sync);
  return (
    <>
      <p role="status">{statusSentence(sync)}</p>
      {moving ? (
        total > 0 ? (
          <progress value={done} max={total} aria-label="Repositories synced">
            {done} of {total}
          </progress>
        ) : (
          // The listing has not counted the repositories yet: a bar without a value says "working" without a share.
          <progress aria-label="Listing the repositories" />
        )
      ) : null}
      <dl className="facts">
        <dt>Repositories</dt>
        <dd>
          {done} of {total} synced
        </dd>
        <dt>Started</dt>
        <dd>{when(sync.startedAt)}</dd>
        <dt>Finished</dt>
        <dd>{moving ? 'Still running' : when(sync.finishedAt)}</dd>
        <dt>GitHub requests</dt>
        <dd>
          {sync.requests.made} made, {sync.requests.notModified} answered “not modified” (free)
        </dd>
        {sync.rateLimit ? (
          <>
            <dt>Rate limit</dt>
            <dd>
              {sync.rateLimit.remaining} requests left until {new Date(sync.rateLimit.resetAt).toLocaleTimeString()}
            </dd>
          </>
        ) : null}
        <dt>Errors</dt>
        <dd className={sync.lastError ? 'bad' : undefined}>{sync.lastError ?? 'None'}</dd>
      </dl>
    </>
  );
}

function statusSentence(sync: SyncState): string {
  const { done, total } = sync.repositories;
  switch (sync.status) {
    case 'running':
      return total > 0 ? `Syncing: ${done} of ${total} repositories read.` : 'Syncing: listing the repositories…';
    case 'waiting_for_rate_limit':
      return `Waiting for GitHub's rate limit to renew${sync.rateLimit ? ` at ${new Date(sync.rateLimit.resetAt).toLocaleTimeString()}` : ''}; the sync goes on by itself then (${done} of ${total} repositories read).`;
    case 'failed':
      return `The last sync did not finish every repository: ${sync.lastError ?? 'GitHub gave no reason'}. What was read stands; Sync now tries again.`;
    case 'idle':
      return sync.finishedAt ? `Up to date: the last sync finished ${when(sync.finishedAt)}.` : 'No sync has run yet.';
  }
}

/** A sync that has just finished moves the connection's "last synced" and everything computed from GitHub. */
function useLastSyncAfterFinish(sync: SyncState | undefined): void {
  const queryClient = useQueryClient();
  const wasMoving = useRef(false);
  const moving = isMoving(sync);
  useEffect(() => {
    if (wasMoving.current && !moving) void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'github' || query.queryKey[1] === 'connection' });
    wasMoving.current = moving;
  }, [moving, queryClient]);
}

import { Link } from 'react-router-dom';
import { ApiError, messageOf } from '../api/errors';
import type { Syncing, SyncState } from '../api/types';

/** A `202 syncing` answer: the first sync is still reading GitHub, so there is nothing to show yet. */
export function SyncingPanel({ sync, what }: { sync: SyncState; what: string }) {
  const { done, total } = sync.repositories;
  return (
    <section className="card notice" role="status">
      <h2>The first sync from GitHub is running</h2>
      <p>
        {what} appears when it has finished.{' '}
        {total > 0 ? `${done} of ${total} repositories read so far.` : 'Listing the repositories…'}
        {sync.status === 'waiting_for_rate_limit' && sync.rateLimit
          ? ` GitHub's request budget is used up; reading resumes at ${new Date(sync.rateLimit.resetAt).toLocaleTimeString()}.`
          : ''}
      </p>
      {total > 0 ? <progress max={total} value={done} aria-label="Repositories read" /> : null}
      <p>
        <Link to="/settings/github">See the sync on the GitHub page</Link>
      </p>
    </section>
  );
}

/** `409 GITHUB_NOT_CONNECTED`: the organization has no GitHub connection, so no analysis can exist. */
export function NotConnectedPanel({ isAdmin }: { isAdmin: boolean }) {
  return (
    <section className="card notice" role="status">
      <h2>GitHub is not connected yet</h2>
      <p>DevInsights reads your organization's activity from GitHub. Nothing can be analysed until it is connected.</p>
      <p>
        {isAdmin ? (
          <Link to="/settings/github">Connect GitHub</Link>
        ) : (
          'Ask an admin of your organization to connect GitHub.'
        )}
      </p>
    </section>
  );
}

/** True for the 409 that says the organization has no GitHub connection. */
export function isNotConnected(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'GITHUB_NOT_CONNECTED';
}

/** A failed read: the API's own message, announced. */
export function LoadError({ error, title }: { error: unknown; title: string }) {
  return (
    <section className="card" role="alert">
      <h2>{title}</h2>
      <p>{messageOf(error)}</p>
    </section>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="muted">
      Loading {what}…
    </p>
  );
}

/** A `202 syncing` answer rather than the thing asked for. */
export function isSyncing<T extends object>(answer: T | Syncing): answer is Syncing {
  return 'status' in answer && answer.status === 'syncing';
}

/** Shown while a lazily loaded screen's code arrives (the route's HydrateFallback on a first load). */
export function LoadingScreen() {
  return <Loading what="the page" />;
}

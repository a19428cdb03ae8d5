import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { GithubConnection } from '../../api/types';
import { AdminOnly } from '../../components/admin-only';
import { ConfirmButton } from '../../components/confirm-dialog';
import { ErrorMessage } from '../../components/form';
import { connectionQuery } from './queries';
import { SyncPanel } from './sync-panel';

export function GithubScreen() {
  return (
    <AdminOnly title="GitHub" refusal="Only admins manage the GitHub connection.">
      <Github />
    </AdminOnly>
  );
}

function Github() {
  const connection = useQuery(connectionQuery);
  return (
    <div className="stack">
      <h1>GitHub</h1>
      {connection.isPending ? <p role="status">Reading the GitHub connection…</p> : null}
      <ErrorMessage error={connection.error} />
      {connection.data ? (
        connection.data.connected ? (
          <>
            <ConnectedCard connection={connection.data} />
            <SyncPanel />
          </>
        ) : (
          <ConnectCard />
        )
      ) : null}
    </div>
  );
}

/**
 * Connecting installs the DevInsights GitHub App on the organization's
 * GitHub account, on GitHub's own page; GitHub then sends the admin back
 * here and the first sync starts.
 */
function ConnectCard() {
  const connect = useMutation({
    mutationFn: () => unwrap(api().POST('/integrations/github/connect')),
    onSuccess: ({ installUrl }) => window.location.assign(installUrl),
  });
  return (
    <section className="card" aria-labelledby="connect-title">
      <h2 id="connect-title">GitHub is not connected</h2>
      <p>
        DevInsights reads your team&apos;s commits, pull requests and reviews through its GitHub App, installed on your GitHub
        organization. You choose the repositories on GitHub&apos;s page; the first sync starts when you come back.
      </p>
      <button type="button" className="primary" disabled={connect.isPending || connect.isSuccess} aria-busy={connect.isPending} onClick={() => connect.mutate()}>
        {connect.isPending || connect.isSuccess ? 'Opening GitHub…' : 'Connect GitHub'}
      </button>
      <ErrorMessage error={connect.error} />
    </section>
  );
}

function ConnectedCard({ connection }: { connection: Extract<GithubConnection, { connected: true }> }) {
  const queryClient = useQueryClient();
  const disconnect = useMutation({
    mutationFn: () => unwrap(api().DELETE('/integrations/github')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['github'] }),
  });
  const { account, rateLimit } = connection;
  return (
    <section className="card" aria-labelledby="connection-title">
      <h2 id="connection-title">Connected to {account.login}</h2>
      <dl className="facts">
        <dt>GitHub account</dt>
        <dd>
          {account.login} ({account.type === 'Organization' ? 'organization' : 'user'})
        </dd>
        <dt>Repositories</dt>
        <dd>{connection.repositorySelection === 'all' ? 'All repositories of the account' : 'The repositories chosen on GitHub'}</dd>
        <dt>Last synced</dt>
        <dd>{connection.lastSync ? new Date(connection.lastSync).toLocaleString() : 'Not yet'}</dd>
        <dt>GitHub requests left</dt>
        <dd>
          {rateLimit
            ? `${rateLimit.remaining} of ${rateLimit.limit} this hour, renewed at ${new Date(rateLimit.resetAt).toLocaleTimeString()}`
            : 'GitHub did not say'}
        </dd>
      </dl>
      <ConfirmButton
        title={`Disconnect ${account.login}?`}
        confirmLabel="Yes, disconnect"
        busy={disconnect.isPending}
        onConfirm={() => disconnect.mutate()}
        question={<p>Syncing stops and the daily sync is unscheduled. The activity already read is kept until you erase it.</p>}
      >
        Disconnect GitHub
      </ConfirmButton>
      <ErrorMessage error={disconnect.error} />
    </section>
  );
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Invitation } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/form';
import { invitationsQuery, useRefreshTeam } from './queries';

const STATUS_CLASS: Record<Invitation['status'], string> = { pending: 'warn', accepted: 'good', revoked: 'muted', expired: 'muted' };

export function InvitationList() {
  const invitations = useQuery(invitationsQuery);
  const all = invitations.data?.items ?? [];
  const pending = all.filter((invitation) => invitation.status === 'pending');
  const earlier = all.filter((invitation) => invitation.status !== 'pending');
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations</h2>
      {invitations.isPending ? <p role="status">Loading the invitations…</p> : null}
      <ErrorMessage error={invitations.error} />
      {invitations.data && pending.length === 0 ? <p>No invitation is waiting for an answer.</p> : null}
      {pending.length > 0 ? <InvitationTable items={pending} caption="Waiting for an answer" /> : null}
      {earlier.length > 0 ? (
        <details>
          <summary>Earlier invitations ({earlier.length})</summary>
          <InvitationTable items={earlier} caption="Accepted, revoked or expired" />
        </details>
      ) : null}
    </section>
  );
}

function InvitationTable({ items, caption }: { items: readonly Invitation[]; caption: string }) {
  return (
    <DataTable columns={['Email', 'Name', 'Role', 'Status', 'Expires', 'Actions']} caption={<span className="visually-hidden">{caption}</span>}>
      {items.map((invitation) => (
        <tr key={invitation.inviteId}>
          <td>{invitation.email}</td>
          <td>{invitation.name}</td>
          <td>{invitation.role}</td>
          <td className={STATUS_CLASS[invitation.status]}>{invitation.status}</td>
          <td>{invitation.status === 'pending' ? new Date(invitation.expiresAt).toLocaleString() : '—'}</td>
          <td>{invitation.status === 'pending' ? <RevokeButton invitation={invitation} /> : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function RevokeButton({ invitation }: { invitation: Invitation }) {
  const refreshTeam = useRefreshTeam();
  const revoke = useMutation({
    mutationFn: () => unwrap(api().DELETE('/team/invitations/{inviteId}', { params: { path: { inviteId: invitation.inviteId } } })),
    onSuccess: refreshTeam,
  });
  return (
    <>
      <button type="button" className="danger" aria-label={`Revoke the invitation of ${invitation.email}`} disabled={revoke.isPending} onClick={() => revoke.mutate()}>
        Revoke
      </button>
      <ErrorMessage error={revoke.error} />
    </>
  );
}

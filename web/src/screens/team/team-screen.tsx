import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../api/session';
import type { Member, Role } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { ConfirmButton } from '../../components/confirm-dialog';
import { ErrorMessage, SelectField } from '../../components/form';
import { InviteForm } from './invite-form';
import { InvitationList } from './invitation-list';
import { membersQuery, organizationQuery } from '../../api/queries';
import { useRefreshTeam } from './queries';
import { ROLE_NAMES } from './role-options';

export function TeamScreen() {
  const current = useSession();
  const members = useQuery(membersQuery);
  const organization = useQuery(organizationQuery);
  if (!current) return null;
  const isAdmin = current.user.role === 'admin';
  const settings = organization.data?.settings;
  // The API's refusals (src/domain/privacy.ts, rules 2–4): a link is offered only where the analysis would open.
  const opensOthers =
    isAdmin || (current.user.role === 'member' && settings !== undefined && settings.privacyMode !== 'fully_private' && settings.allowMembersViewOthers);
  return (
    <div className="stack">
      <h1>Team</h1>
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        {members.isPending ? <p role="status">Loading the members…</p> : null}
        <ErrorMessage error={members.error} />
        {members.data ? (
          members.data.items.length === 0 ? (
            <p>No members yet.</p>
          ) : (
            <MemberTable members={members.data.items} isAdmin={isAdmin} ownId={current.user.id} opensOthers={opensOthers} />
          )
        ) : null}
      </section>
      {isAdmin ? (
        <>
          <InviteForm />
          <InvitationList />
        </>
      ) : null}
    </div>
  );
}

function MemberTable({ members, isAdmin, ownId, opensOthers }: { members: readonly Member[]; isAdmin: boolean; ownId: string; opensOthers: boolean }) {
  return (
    <DataTable columns={['Name', 'Email', 'Role', 'GitHub', 'Joined', ...(isAdmin ? ['Actions'] : [])]}>
      {members.map((member) => (
        <tr key={member.userId}>
          <th scope="row">
            {member.name}
            {member.userId === ownId ? <span className="muted"> (you)</span> : null}
          </th>
          <td>{member.email}</td>
          <td>{isAdmin ? <RoleChange member={member} /> : <span className="badge">{member.role}</span>}</td>
          <td>
            {member.githubUsername ? (
              !opensOthers && member.userId !== ownId ? (
                member.githubUsername
              ) : (
                <Link to={`/people/${encodeURIComponent(member.githubUsername)}`} aria-label={`Analysis of ${member.name} (${member.githubUsername})`}>
                  {member.githubUsername}
                </Link>
              )
            ) : (
              <span className="muted">none</span>
            )}
          </td>
          <td>{new Date(member.joinedAt).toLocaleDateString()}</td>
          {isAdmin ? (
            <td>
              <RemoveMember member={member} />
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}

/** A role is saved with its own button: changing a select by keyboard must not fire a request per arrow key. */
function RoleChange({ member }: { member: Member }) {
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(member.role);
  const change = useMutation({
    mutationFn: () => unwrap(api().PATCH('/team/members/{userId}', { params: { path: { userId: member.userId } }, body: { role } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['team', 'members'] }),
    onError: () => setRole(member.role),
  });
  return (
    <div className="inline-form">
      <SelectField label={`Role of ${member.name}`} hideLabel options={ROLE_NAMES} value={role} onValueChange={setRole} />
      {role !== member.role ? (
        <button type="button" className="primary" disabled={change.isPending} onClick={() => change.mutate()}>
          Save role of {member.name}
        </button>
      ) : null}
      <ErrorMessage error={change.error} />
    </div>
  );
}

function RemoveMember({ member }: { member: Member }) {
  const refreshTeam = useRefreshTeam();
  const current = useSession();
  const remove = useMutation({
    mutationFn: () => unwrap(api().DELETE('/team/members/{userId}', { params: { path: { userId: member.userId } } })),
    onSuccess: refreshTeam,
  });
  return (
    <>
      <ConfirmButton
        label={`Remove ${member.name}`}
        title={`Remove ${member.name}?`}
        confirmLabel="Yes, remove"
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        question={
          <p>
            {member.name} ({member.email}) loses access to {current?.user.organizationName} at their next request. The GitHub activity
            and analyses stored for them here are erased; reports already made keep only aggregates of them.
          </p>
        }
      >
        Remove
      </ConfirmButton>
      <ErrorMessage error={remove.error} />
    </>
  );
}

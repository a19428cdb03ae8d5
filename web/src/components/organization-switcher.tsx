import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { useSession } from '../api/session';
import { switchOrganization } from '../api/sign-in';
import { homePathFor } from './home';


/** The organization the session works in; a person in several picks another here (a new token for it). */
export function OrganizationSwitcher() {
  const current = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: ['me', current?.user.organizationId],
    queryFn: () => unwrap(api().GET('/me')),
  });
  const change = useMutation({
    mutationFn: switchOrganization,
    onSuccess: (next) => {
      // Everything cached belongs to the organization just left.
      queryClient.clear();
      navigate(homePathFor(next.user), { replace: true });
    },
  });
  if (!current) return null;
  const memberships = me.data?.memberships ?? [];
  if (memberships.length < 2) return <span className="org-name">{current.user.organizationName}</span>;
  return (
    <label className="org-switch">
      <span className="visually-hidden">Organization</span>
      <select
        value={current.user.organizationId}
        disabled={change.isPending}
        onChange={(event) => change.mutate(event.target.value)}
      >
        {memberships.map((membership) => (
          <option key={membership.organizationId} value={membership.organizationId}>
            {membership.organizationName} ({membership.role})
          </option>
        ))}
      </select>
    </label>
  );
}

import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Admins only: `GET /team/invitations` answers 403 to anyone else, so no other role asks. */
export const invitationsQuery = queryOptions({
  queryKey: ['team', 'invitations'],
  queryFn: () => unwrap(api().GET('/team/invitations')),
});

/** After an invitation, a revocation or a removal: the lists change, and so do the organization's seats. */
export function useRefreshTeam(): () => Promise<unknown> {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['team'] }), queryClient.invalidateQueries({ queryKey: ['organization'] })]);
}

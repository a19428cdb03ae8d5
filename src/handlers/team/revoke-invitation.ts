import { http } from '../../http/handler';
import { noContent } from '../../http/responses';
import { revokeInvitation } from '../../repositories/invitations';
import { route } from '../../routes';

export const handler = http(route('DELETE /team/invitations/{inviteId}'), async ({ params, tenant }) => {
  await revokeInvitation(tenant, params.inviteId, new Date());
  return noContent();
});

import { http } from '../../http/handler';
import { noContent } from '../../http/responses';
import { route } from '../../routes';
import { removeMemberFromOrganization } from '../../services/members';

export const handler = http(route('DELETE /team/members/{userId}'), async ({ params, tenant, log }) => {
  await removeMemberFromOrganization(tenant, params.userId, log);
  return noContent();
});

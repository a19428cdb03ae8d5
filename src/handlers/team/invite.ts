import { http } from '../../http/handler';
import { created } from '../../http/responses';
import { route } from '../../routes';
import { inviteMembers } from '../../services/invitations';

export const handler = http(route('POST /team/invite'), async ({ body, tenant, log }) =>
  created(await inviteMembers(tenant, body.invitations, log)),
);

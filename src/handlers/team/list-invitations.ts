import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { listInvitationViews } from '../../services/invitations';

export const handler = http(route('GET /team/invitations'), async ({ tenant }) =>
  ok({ items: await listInvitationViews(tenant) }),
);

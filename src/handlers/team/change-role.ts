import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { changeMemberRole } from '../../services/members';

export const handler = http(route('PATCH /team/members/{userId}'), async ({ params, body, tenant, log }) =>
  ok(await changeMemberRole(tenant, params.userId, body.role, log)),
);

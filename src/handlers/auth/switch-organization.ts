import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { switchOrganization } from '../../services/session';

export const handler = http(route('POST /auth/switch-organization'), async ({ body, tenant, log }) =>
  ok(await switchOrganization(tenant, body.organizationId, log)),
);

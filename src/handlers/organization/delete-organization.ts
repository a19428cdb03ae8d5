import { http } from '../../http/handler';
import { accepted } from '../../http/responses';
import { route } from '../../routes';
import { requestOrganizationErasure } from '../../services/organization-exit';

export const handler = http(route('DELETE /organization'), async ({ body, tenant, log }) =>
  accepted(await requestOrganizationErasure(tenant, body.confirm, log)),
);

import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { exportOrganization } from '../../services/organization-export';

export const handler = http(route('GET /organization/export'), async ({ tenant, query }) => ok(await exportOrganization(tenant, { cursor: query.cursor })));

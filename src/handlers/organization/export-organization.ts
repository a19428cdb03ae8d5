import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { exportOrganization } from '../../services/organization-export';

export const handler = http(route('GET /organization/export'), async ({ tenant }) => ok(await exportOrganization(tenant)));

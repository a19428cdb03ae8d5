import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { describeOrganization } from '../../services/organization';

export const handler = http(route('GET /organization'), async ({ tenant }) => ok(await describeOrganization(tenant)));

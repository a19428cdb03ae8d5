import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { choosePlan } from '../../services/organization';

export const handler = http(route('PUT /organization/plan'), async ({ body, tenant }) => ok(await choosePlan(tenant, body.plan)));

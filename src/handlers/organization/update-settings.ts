import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { changeSettings } from '../../services/organization';

export const handler = http(route('PUT /organization/settings'), async ({ body, tenant }) =>
  ok(await changeSettings(tenant, body)),
);

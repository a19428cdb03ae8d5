import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { changePersonalSettings } from '../../services/personal-settings';

export const handler = http(route('PUT /me/settings'), async ({ body, tenant }) => ok(await changePersonalSettings(tenant, body)));

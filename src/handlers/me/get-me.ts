import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { describeCaller } from '../../services/me';

export const handler = http(route('GET /me'), async ({ tenant }) => ok(await describeCaller(tenant)));

import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { accessLogPage } from '../../services/access-log';

export const handler = http(route('GET /me/access-log'), async ({ query, tenant }) => ok(await accessLogPage(tenant, query.limit, query.cursor)));

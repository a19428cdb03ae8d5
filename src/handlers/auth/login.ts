import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { logIn } from '../../services/session';

export const handler = http(route('POST /auth/login'), async ({ body }) => ok(await logIn(body.email, body.password)));

import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { refresh } from '../../services/session';

export const handler = http(route('POST /auth/refresh'), async ({ body }) => ok(await refresh(body.refreshToken)));

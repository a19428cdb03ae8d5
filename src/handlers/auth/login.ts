import { http } from '../../http/handler';
import { withAccountLoginLimit } from '../../http/rate-limits';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { logIn } from '../../services/session';

export const handler = http(route('POST /auth/login'), async ({ body, log }) =>
  ok(await withAccountLoginLimit(body.email, log, () => logIn(body.email, body.password))),
);

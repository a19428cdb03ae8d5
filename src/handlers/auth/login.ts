import { http } from '../../http/handler';
import { withAccountLoginLimit } from '../../http/rate-limits';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { logIn } from '../../services/session';

export const handler = http(route('POST /auth/login'), async ({ body, sourceIp, log }) =>
  ok(await withAccountLoginLimit(body.email, sourceIp, log, () => logIn(body.email, body.password, body.organizationId))),
);

import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { verifyEmail } from '../../services/verification';

export const handler = http(route('POST /auth/verify'), async ({ body, sourceIp }) => {
  await verifyEmail(body.email, body.code, sourceIp);
  return ok({ success: true, message: 'Email verified. You can now log in.' });
});

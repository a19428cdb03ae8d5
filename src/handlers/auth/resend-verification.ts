import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { resendVerification } from '../../services/verification';

export const handler = http(route('POST /auth/resend-verification'), async ({ body, log }) => {
  await resendVerification(body.email, log);
  return ok({ success: true, message: 'If an unverified account uses this email, a new code is on its way.' });
});

import { http } from '../../http/handler';
import { created } from '../../http/responses';
import { route } from '../../routes';
import { signUpOrganization } from '../../services/signup';

export const handler = http(route('POST /auth/signup'), async ({ body, log }) => {
  const data = await signUpOrganization(body, log);
  return created({ success: true, message: 'Organization created! Check email to verify.', data });
});

import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { completeConnect, settingsPageUrl } from '../../services/github-connection';

/** Public: the signed, single-use state authenticates the call (GitHub's browser redirect carries no token). */
export const handler = http(route('GET /integrations/github/callback'), async ({ query, headers }) => {
  const account = await completeConnect({ installationId: query.installation_id, code: query.code, state: query.state });
  if ((headers['accept'] ?? '').includes('application/json')) return ok({ success: true, connected: true, account: { login: account.login, type: account.type } });
  return { statusCode: 302, headers: { location: settingsPageUrl() } };
});

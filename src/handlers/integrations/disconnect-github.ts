import { http } from '../../http/handler';
import { noContent } from '../../http/responses';
import { route } from '../../routes';
import { disconnect } from '../../services/github-connection';

export const handler = http(route('DELETE /integrations/github'), async ({ tenant }) => {
  await disconnect(tenant);
  return noContent();
});

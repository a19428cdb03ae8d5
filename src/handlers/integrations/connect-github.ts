import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { startConnect } from '../../services/github-connection';

export const handler = http(route('POST /integrations/github/connect'), async ({ tenant }) => ok(await startConnect(tenant)));

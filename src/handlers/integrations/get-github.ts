import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { describeConnection } from '../../services/github-connection';

export const handler = http(route('GET /integrations/github'), async ({ tenant }) => ok(await describeConnection(tenant)));

import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { describeSync } from '../../services/sync';

export const handler = http(route('GET /sync'), async ({ tenant }) => ok(await describeSync(tenant)));

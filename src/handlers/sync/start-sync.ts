import { http } from '../../http/handler';
import { accepted } from '../../http/responses';
import { route } from '../../routes';
import { startSync } from '../../services/sync';

export const handler = http(route('POST /sync'), async ({ tenant }) => accepted(await startSync(tenant)));

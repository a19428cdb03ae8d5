import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';

export const handler = http(route('GET /health'), async () => ok({ status: 'ok' }));

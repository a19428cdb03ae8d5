import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { describeInvitation } from '../../services/joining';

export const handler = http(route('GET /invite/accept'), async ({ query }) => ok(await describeInvitation(query.token)));

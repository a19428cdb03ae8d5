import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { listMemberViews } from '../../services/members';

export const handler = http(route('GET /team/members'), async ({ tenant }) => ok({ items: await listMemberViews(tenant) }));

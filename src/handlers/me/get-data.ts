import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { personalData } from '../../services/personal-data';

export const handler = http(route('GET /me/data'), async ({ tenant }) => ok(await personalData(tenant)));

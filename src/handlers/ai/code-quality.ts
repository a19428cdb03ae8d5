import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { analyzeMember } from '../../services/code-quality';

export const handler = http(route('GET /ai/code-quality/{githubUsername}'), async ({ params, query, tenant, log }) =>
  ok(await analyzeMember(tenant, params.githubUsername, { refresh: query.refresh }, log)),
);

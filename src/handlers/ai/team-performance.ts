import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { analyzeTeam, requireOwnOrganization } from '../../services/team-performance';

export const handler = http(route('GET /ai/team-performance/{organizationId}'), async ({ params, tenant, log }) => {
  await requireOwnOrganization(tenant, params.organizationId, log);
  return ok(await analyzeTeam(tenant, log));
});

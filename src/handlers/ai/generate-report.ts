import { http } from '../../http/handler';
import { created } from '../../http/responses';
import { route } from '../../routes';
import { generateExecutiveReport } from '../../services/report-generation';
import { requireOwnOrganization } from '../../services/team-performance';

export const handler = http(route('POST /ai/generate-report/{organizationId}'), async ({ params, body, tenant, log }) => {
  await requireOwnOrganization(tenant, params.organizationId, log);
  return created(await generateExecutiveReport(tenant, body, log));
});

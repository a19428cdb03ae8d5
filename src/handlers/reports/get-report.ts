import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { getReportBody } from '../../services/reports';

export const handler = http(route('GET /reports/{reportId}'), async ({ params, tenant }) =>
  ok(await getReportBody(tenant, params.reportId)),
);

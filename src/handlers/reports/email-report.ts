import { http } from '../../http/handler';
import { accepted } from '../../http/responses';
import { route } from '../../routes';
import { emailReport } from '../../services/report-pdf';

export const handler = http(route('POST /reports/{reportId}/email'), async ({ params, body, tenant, log }) =>
  accepted(await emailReport(tenant, params.reportId, body.to, log)),
);

import { http } from '../../http/handler';
import { route } from '../../routes';
import { reportPdf } from '../../services/report-pdf';

export const handler = http(route('GET /reports/{reportId}/pdf'), async ({ params, tenant }) => {
  const { pdf, filename } = await reportPdf(tenant, params.reportId);
  return {
    statusCode: 200,
    binary: { contentType: 'application/pdf', data: pdf },
    headers: { 'content-disposition': `attachment; filename="${filename}"` },
  };
});

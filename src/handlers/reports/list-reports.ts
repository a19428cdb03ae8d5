import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { listReportSummaries } from '../../services/reports';

export const handler = http(route('GET /reports'), async ({ tenant }) => ok(await listReportSummaries(tenant)));

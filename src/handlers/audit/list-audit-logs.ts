import { http } from '../../http/handler';
import { ok } from '../../http/responses';
import { route } from '../../routes';
import { auditLogPage } from '../../services/audit-log';

export const handler = http(route('GET /audit-logs'), async ({ query, tenant }) =>
  ok(await auditLogPage(tenant, query.limit, query.cursor)),
);

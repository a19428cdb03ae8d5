import type { TenantContext } from '../guard/tenant-context';
import type { Logger } from '../http/logger';
import { enqueue } from '../integrations/queue';
import { job } from '../jobs';
import { markForErasure } from '../repositories/organization-erasure-mark';

/**
 * An organization's exit (`DELETE /organization`). The request checks the
 * typed name, marks the organization and queues the erasure: a synced
 * organization holds thousands of activity slices, more than one request
 * should delete, so the `organization-erasure` queue job does it
 * (src/services/organization-erasure.ts), retried by SQS until it has,
 * each run picking up what is left.
 */
export async function requestOrganizationErasure(tenant: TenantContext, confirm: string, log: Logger, now = new Date()) {
  await markForErasure(tenant, confirm, now);
  await enqueue(job('organization-erasure'), { orgId: tenant.orgId });
  log.info('organization erasure queued', { orgId: tenant.orgId });
  return { success: true, organizationId: tenant.orgId, status: 'erasing' };
}


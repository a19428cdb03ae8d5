import type { TenantContext } from '../guard/tenant-context';
import { queryAll } from './dynamo';
import { tenantKeys } from './keys';

/** Every item of the organization's partition (one Query, paged by 1 MB), for its export. */
export async function organizationItems(tenant: Pick<TenantContext, 'orgId'>): Promise<Record<string, unknown>[]> {
  return queryAll(tenantKeys.partition(tenant));
}

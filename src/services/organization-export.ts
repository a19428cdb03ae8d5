import { exportedItem, isInternalItem, kindOf } from '../domain/data-export';
import type { TenantContext } from '../guard/tenant-context';
import { recordAuditEntry } from '../repositories/audit-log';
import { partitionPagesAfter } from '../repositories/organization-export';
import { decodeCursor, encodeCursor } from './signed-cursor';

/**
 * `GET /organization/export`: every item of the organization's partition,
 * in key order, grouped by kind (`ORG`, `MEMBER`, `ACT`, `GITHUB_DATA`,
 * `AUDIT`, …), decoded and with every secret, hash and token left out
 * (src/domain/data-export.ts). The service's own counters and markers are
 * not the organization's data and are left out too. The lookups outside
 * the partition (memberships, login, installation and name lookups) only
 * repeat what the member, login and connection items say.
 *
 * A Lambda behind API Gateway answers at most 6 MB, so one answer holds
 * items up to EXPORT_PART_BYTES of JSON and, when more are left, a
 * `nextCursor` to ask for the next part with; a small organization's whole
 * export is one answer with `nextCursor: null`.
 */
export const EXPORT_PART_BYTES = 4 * 1024 * 1024;
const CURSOR_PURPOSE = 'organization-export-cursor';

export interface ExportOptions {
  /** Where the last part stopped (its `nextCursor`). */
  readonly cursor?: string | undefined;
  readonly partBytes?: number;
}

export async function exportOrganization(tenant: TenantContext, options: ExportOptions = {}, now = new Date()) {
  const after = options.cursor ? await decodeCursor(CURSOR_PURPOSE, tenant, options.cursor) : undefined;
  const budget = options.partBytes ?? EXPORT_PART_BYTES;
  const grouped: Record<string, Record<string, unknown>[]> = {};
  let bytes = 0;
  let included = 0;
  let lastKey: string | undefined;
  let more = false;
  pages: for await (const page of partitionPagesAfter(tenant, after)) {
    for (const item of page) {
      const sortKey = String(item['SK']);
      if (!isInternalItem(sortKey)) {
        const exported = exportedItem(item);
        const size = Buffer.byteLength(JSON.stringify(exported));
        // Always one item at least, so a part never stops where it began.
        if (included > 0 && bytes + size > budget) {
          more = true;
          break pages;
        }
        (grouped[kindOf(sortKey)] ??= []).push(exported);
        bytes += size;
        included += 1;
      }
      lastKey = sortKey;
    }
  }
  if (after === undefined) {
    const details = { items: included, complete: !more };
    await recordAuditEntry(tenant, { event: 'ORGANIZATION_EXPORTED', resource: `organization/${tenant.orgId}`, result: 'SUCCESS', severity: 'MEDIUM', details }, now);
  }
  const nextCursor = more && lastKey ? await encodeCursor(CURSOR_PURPOSE, tenant, lastKey) : null;
  return { organizationId: tenant.orgId, exportedAt: now.toISOString(), items: grouped, nextCursor };
}

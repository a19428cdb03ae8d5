import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { Organization, OrganizationExportPart } from '../../api/types';
import { saveFile } from '../../components/save-file';
import { ErrorMessage } from '../../components/form';

/**
 * The organization's export comes in parts of up to 4 MB (a Lambda answers
 * at most 6 MB); the parts are fetched one after another and saved as the
 * one JSON document they make together.
 */
async function exportAll(onPart: (parts: number) => void): Promise<OrganizationExportPart> {
  let cursor: string | undefined;
  let whole: OrganizationExportPart | undefined;
  let parts = 0;
  do {
    const part = await unwrap(api().GET('/organization/export', { params: { query: cursor ? { cursor } : {} } }));
    whole = whole === undefined ? part : { ...whole, items: mergeItems(whole.items, part.items), nextCursor: part.nextCursor };
    onPart((parts += 1));
    cursor = part.nextCursor ?? undefined;
  } while (cursor);
  return whole;
}

function mergeItems(into: OrganizationExportPart['items'], more: OrganizationExportPart['items']): OrganizationExportPart['items'] {
  const merged: OrganizationExportPart['items'] = { ...into };
  for (const [kind, items] of Object.entries(more)) merged[kind] = [...(merged[kind] ?? []), ...items];
  return merged;
}

export function ExportData({ organization }: { organization: Organization }) {
  const [parts, setParts] = useState(0);
  const download = useMutation({
    mutationFn: () => {
      setParts(0);
      return exportAll(setParts);
    },
    onSuccess: (whole) => {
      const day = whole.exportedAt.slice(0, 10);
      saveFile(new Blob([JSON.stringify(whole, null, 2)], { type: 'application/json' }), `${organization.name}-export-${day}.json`);
    },
  });
  const kinds = download.data ? Object.entries(download.data.items) : [];
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Export the organization’s data</h2>
      <p>Everything {organization.name} stores, as one JSON file: members, invitations, GitHub activity, analyses, reports and the audit log. No secrets, password hashes or tokens.</p>
      <button type="button" className="primary" disabled={download.isPending} aria-busy={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? 'Exporting…' : 'Export organization data'}
      </button>
      {download.isPending ? <p role="status">Reading part {parts + 1} of the export…</p> : null}
      <ErrorMessage error={download.error} />
      {download.isSuccess ? (
        <p role="status">
          Export saved ({parts} part{parts === 1 ? '' : 's'}):{' '}
          {kinds.map(([kind, items]) => `${items.length} ${kind}`).join(', ')}.
        </p>
      ) : null}
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorMessage } from '../../components/form';
import { saveFile } from '../../components/save-file';

/** Through the API client, so the PDF is fetched with the bearer token (and one refresh) that a plain link cannot send. */
export function DownloadPdf({ reportId }: { reportId: string }) {
  const download = useMutation({
    mutationFn: () => unwrap(api().GET('/reports/{reportId}/pdf', { params: { path: { reportId } }, parseAs: 'blob' })),
    onSuccess: (pdf) => saveFile(pdf, `${reportId}.pdf`),
  });
  return (
    <div className="toolbar">
      <button type="button" className="primary" disabled={download.isPending} aria-busy={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? 'Preparing the PDF…' : 'Download PDF'}
      </button>
      {download.isSuccess ? <span role="status">PDF downloaded.</span> : null}
      <ErrorMessage error={download.error} />
    </div>
  );
}

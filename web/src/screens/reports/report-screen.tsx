import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useSession } from '../../api/session';
import { ErrorMessage } from '../../components/form';
import { DownloadPdf } from './download-pdf';
import { EmailReport } from './email-report';
import { ExecutiveReportView } from './executive-report';
import { reportQuery } from './queries';
import { TeamReportView } from './team-report';

export function ReportScreen() {
  const { reportId = '' } = useParams();
  const current = useSession();
  const role = current?.user.role;
  const reader = role === 'admin' || role === 'viewer';
  const report = useQuery({ ...reportQuery(reportId), enabled: reader });
  if (!reader) {
    return (
      <>
        <h1>Report</h1>
        <p role="alert">Reports are for admins and viewers.</p>
      </>
    );
  }
  const missing = report.error instanceof ApiError && report.error.status === 404;
  return (
    <div className="stack">
      <p>
        <Link to="/reports">All reports</Link>
      </p>
      {report.isPending ? <p role="status">Loading the report…</p> : null}
      {missing ? <p role="alert">There is no such report in this organization.</p> : <ErrorMessage error={report.error} />}
      {report.data ? (
        'reportType' in report.data ? (
          <>
            <ExecutiveReportView report={report.data} role={role} />
            <section className="card" aria-labelledby="share-title">
              <h2 id="share-title">Share</h2>
              <DownloadPdf reportId={report.data.reportId} />
              {role === 'admin' ? <EmailReport reportId={report.data.reportId} /> : null}
            </section>
          </>
        ) : (
          <TeamReportView report={report.data} role={role} />
        )
      ) : null}
    </div>
  );
}

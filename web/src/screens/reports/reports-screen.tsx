import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session';
import type { ReportSummary } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/form';
import { membersQuery } from '../../api/queries';
import { GenerateReport } from './generate-report';
import { reportsQuery } from './queries';

export function ReportsScreen() {
  const current = useSession();
  const role = current?.user.role;
  const reader = role === 'admin' || role === 'viewer';
  const reports = useQuery({ ...reportsQuery, enabled: reader });
  // Who made each report: the list says by id; every role may list the members.
  const members = useQuery({ ...membersQuery, enabled: reader });
  if (!reader) {
    return (
      <>
        <h1>Reports</h1>
        <p role="alert">Reports are for admins and viewers. Your own analysis is under My analysis.</p>
      </>
    );
  }
  const nameOf = (userId: string) => members.data?.items.find((member) => member.userId === userId)?.name ?? 'a former member';
  const items = reports.data?.items ?? [];
  return (
    <div className="stack">
      <h1>Reports</h1>
      {role === 'admin' ? <GenerateReport /> : null}
      <section className="card" aria-labelledby="reports-title">
        <h2 id="reports-title">All reports</h2>
        {reports.isPending ? <p role="status">Loading the reports…</p> : null}
        <ErrorMessage error={reports.error} />
        {reports.data && items.length === 0 ? (
          <p>No report yet. {role === 'admin' ? 'Generate one above, or open the dashboard: each day’s team analysis is kept as a team report.' : 'An admin generates them.'}</p>
        ) : null}
        {items.length > 0 ? (
          <DataTable columns={['Report', 'Generated', 'By']}>
            {items.map((report) => (
              <tr key={report.reportId}>
                <td>
                  <Link to={`/reports/${encodeURIComponent(report.reportId)}`}>{reportName(report)}</Link>
                </td>
                <td>{new Date(report.generatedAt).toLocaleString()}</td>
                <td>{nameOf(report.generatedBy)}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
    </div>
  );
}

function reportName(report: ReportSummary): string {
  const day = new Date(report.generatedAt).toLocaleDateString();
  return report.reportType === 'executive' ? `Executive report of ${day}` : `Team report of ${day}`;
}

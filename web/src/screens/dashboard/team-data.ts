import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { isSyncing } from '../../components/status-panels';
import type { GeneratedReport } from '../../api/types';

export function teamPerformanceQuery(organizationId: string) {
  return {
    queryKey: ['team-performance', organizationId],
    queryFn: () => unwrap(api().GET('/ai/team-performance/{organizationId}', { params: { path: { organizationId } } })),
  };
}

/**
 * The executive report the story's Sarah sends her CTO: team figures, no one
 * named. Before the first sync has finished the API answers 202 syncing
 * instead, which is no report: the button then says so.
 */
export async function generateExecutiveReport(organizationId: string): Promise<GeneratedReport> {
  const answer = await unwrap(
    api().POST('/ai/generate-report/{organizationId}', {
      params: { path: { organizationId } },
      body: { reportType: 'executive', includeGraphs: true, includeIndividuals: false, confidential: true },
    }),
  );
  if (isSyncing(answer)) throw new ApiError(202, answer.status, 'The first sync from GitHub is still running: the report can be made once it has finished.');
  return answer;
}

export async function emailReport(reportId: string, to: readonly string[]): Promise<void> {
  await unwrap(api().POST('/reports/{reportId}/email', { params: { path: { reportId } }, body: { to: [...to] } }));
}

import { api, unwrap } from '../../api/client';
import type { GeneratedReport, Syncing, TeamPerformance } from '../../api/types';

// Until the OpenAPI document types these answers (branch openapi-responses), their shapes come from api/types.ts.

export function teamPerformanceQuery(organizationId: string) {
  return {
    queryKey: ['team-performance', organizationId],
    queryFn: async () =>
      (await unwrap(api().GET('/ai/team-performance/{organizationId}', { params: { path: { organizationId } } }))) as unknown as
        | TeamPerformance
        | Syncing,
  };
}

export function membersQuery(organizationId: string) {
  return { queryKey: ['team-members', organizationId], queryFn: () => unwrap(api().GET('/team/members')) };
}

export function organizationQuery(organizationId: string) {
  return { queryKey: ['organization', organizationId], queryFn: () => unwrap(api().GET('/organization')) };
}

/** The executive report the story's Sarah sends her CTO: team figures, no one named. */
export async function generateExecutiveReport(organizationId: string): Promise<GeneratedReport> {
  const answer = await unwrap(
    api().POST('/ai/generate-report/{organizationId}', {
      params: { path: { organizationId } },
      body: { reportType: 'executive', includeGraphs: true, includeIndividuals: false, confidential: true },
    }),
  );
  return answer as unknown as GeneratedReport;
}

export async function emailReport(reportId: string, to: readonly string[]): Promise<void> {
  await unwrap(api().POST('/reports/{reportId}/email', { params: { path: { reportId } }, body: { to: [...to] } }));
}

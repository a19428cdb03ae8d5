import { api, unwrap } from '../../api/client';
import type { AccessLogPage, CodeQualityAnalysis, Syncing } from '../../api/types';

export const analysisKey = (organizationId: string, login: string) => ['code-quality', organizationId, login.toLowerCase()];

export function fetchAnalysis(login: string, refresh = false): Promise<CodeQualityAnalysis | Syncing> {
  return unwrap(
    api().GET('/ai/code-quality/{githubUsername}', {
      params: { path: { githubUsername: login }, query: refresh ? { refresh: 'true' } : {} },
    }),
  );
}

export const ACCESS_LOG_PAGE = 20;

export function fetchAccessLog(cursor: string | undefined): Promise<AccessLogPage> {
  return unwrap(api().GET('/me/access-log', { params: { query: { limit: ACCESS_LOG_PAGE, ...(cursor ? { cursor } : {}) } } }));
}

/** Everything the organization stores about the caller, saved as a JSON file by the browser. */
export async function downloadOwnData(organizationName: string): Promise<void> {
  const data = await unwrap(api().GET('/me/data'));
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `devinsights-my-data-${organizationName.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the data to the download by now; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

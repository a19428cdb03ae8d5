import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const reportsQuery = queryOptions({ queryKey: ['reports'], queryFn: () => unwrap(api().GET('/reports')) });

/** One report as the API filters it for this reader now (their role and the privacy settings of this moment). */
export const reportQuery = (reportId: string) =>
  queryOptions({ queryKey: ['reports', reportId], queryFn: () => unwrap(api().GET('/reports/{reportId}', { params: { path: { reportId } } })) });


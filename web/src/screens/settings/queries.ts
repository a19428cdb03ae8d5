import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The organization: plan, seats and settings (any role may read it; only admins open the settings). */
export const organizationQuery = queryOptions({
  queryKey: ['organization'],
  queryFn: () => unwrap(api().GET('/organization')),
});

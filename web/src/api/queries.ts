import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client';

/**
 * Reads that several screens share, so they share one cache entry. Keys
 * need no organization id: switching organization clears the whole cache.
 */

/** The organization: plan, seats and settings (any role may read it). */
export const organizationQuery = queryOptions({
  queryKey: ['organization'],
  queryFn: () => unwrap(api().GET('/organization')),
});

/** The organization's members: any role may list them. */
export const membersQuery = queryOptions({
  queryKey: ['team', 'members'],
  queryFn: () => unwrap(api().GET('/team/members')),
});

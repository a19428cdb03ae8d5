import * as z from 'zod';
import { GithubUsername, OpaqueId } from './common';

export const CodeQualityParams = z.object({ githubUsername: GithubUsername }).strict();
export const CodeQualityQuery = z.object({
  refresh: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});
export const OrganizationParams = z.object({ organizationId: OpaqueId }).strict();

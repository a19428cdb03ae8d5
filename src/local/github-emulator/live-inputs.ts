import * as z from 'zod';

/**
 * Bodies of the controls that add deployments, their statuses and reviews
 * at run time (activity-controls.ts). Times are served times (already
 * shifted); default now.
 */
const State = z.enum(['success', 'failure', 'error', 'in_progress', 'queued', 'pending', 'inactive']);

export const NewDeploymentStatus = z.object({ state: State, createdAt: z.string().optional() });
export type NewDeploymentStatus = z.infer<typeof NewDeploymentStatus>;

export const NewDeployment = z.object({
  repo: z.string(),
  /** Default: the repository's latest commit. */
  sha: z.string().regex(/^[0-9a-f]{40}$/i).optional(),
  ref: z.string().min(1).optional(),
  environment: z.string().min(1).optional(),
  creator: z.string().min(1).optional(),
  createdAt: z.string().optional(),
  statuses: z.array(NewDeploymentStatus).default([]),
});
export type NewDeployment = z.infer<typeof NewDeployment>;

export const NewReview = z.object({
  repo: z.string(),
  number: z.number().int().positive(),
  reviewer: z.string().min(1),
  state: z.string().transform((value) => value.toUpperCase()).pipe(z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED'])),
  body: z.string().optional(),
  submittedAt: z.string().optional(),
});
export type NewReview = z.infer<typeof NewReview>;

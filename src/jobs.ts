import type { Capability } from './routes';

/**
 * What starts a job. A schedule is an EventBridge Scheduler expression on
 * AWS and a timer in the local stack (`src/local/job-runner.ts`), which
 * understands `rate(…)` only. Queue consumers (issue #12) add their trigger
 * here.
 */
export type JobTrigger = { readonly schedule: `rate(${string})` };

export interface JobDefinition {
  /** Stable, kebab-case: the CDK construct id, the local test hook `POST /_local/jobs/<name>`, the log line. */
  readonly name: string;
  /** Module under `src/workers/`, without extension; it exports `handler`. */
  readonly handler: string;
  readonly summary: string;
  readonly trigger: JobTrigger;
  /** Granted exactly, as for a route (`Capability` in `src/routes.ts`); `test/cdk/bundles.test.ts` checks them. */
  readonly uses: readonly Capability[];
  /** The Lambda's timeout; the job bounds its own work per run to stay well inside it. */
  readonly timeoutSeconds: number;
}

/** THE job table: background work, data like the route table. The CDK app and the local stack are built from it. */
export const jobs = [
  {
    name: 'sweep-expired-signups',
    handler: 'sweep-expired-signups',
    summary: 'Remove signups left unverified past 48 hours that nobody took over: organization, user, reservations, Cognito user',
    trigger: { schedule: 'rate(1 hour)' },
    uses: ['table:read', 'table:write', 'cognito:AdminDeleteUser'],
    timeoutSeconds: 60,
  },
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof jobs)[number]['name'];

export function job<N extends JobName>(name: N): Extract<(typeof jobs)[number], { name: N }> {
  const found = jobs.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No job ${name} in the job table`);
  return found as Extract<(typeof jobs)[number], { name: N }>;
}

import type { z } from 'zod';
import type { Capability } from './routes';
import { AccessLogMessage } from './schemas/access-log';
import { OrganizationErasureMessage } from './schemas/organization-erasure';
import { GithubSyncMessage } from './schemas/sync';

/** SQS's own limits that a queue job's settings must stay within. */
export const SQS_LIMITS = {
  /** One ReceiveMessage answers at most 10; above that Lambda needs a batching window, which the local consumer does not play. */
  maxBatchSize: 10,
  /** Lambda's SQS scaling config accepts 2–1000. */
  minMaxConcurrency: 2,
  maxMaxConcurrency: 1000,
  maxVisibilityTimeoutSeconds: 43_200,
  maxDelaySeconds: 900,
  /** AWS: a queue's visibility timeout at least six times its function's timeout, so a retried batch never overlaps a slow one. */
  visibilityTimeoutPerFunctionTimeout: 6,
} as const;

/**
 * A queue job's settings: what its messages hold and how Lambda (or, locally,
 * `src/local/queue-consumer.ts`) hands them to its worker.
 */
export interface QueueSettings {
  /** The message body, as JSON; `enqueue` checks it before sending, the worker's wrapper parses it on receipt. */
  readonly message: z.ZodType;
  /** Messages per invocation (1–10). */
  readonly batchSize: number;
  /** Invocations at once for this queue (Lambda's `maximumConcurrency`, 2–1000): what bounds the load on GitHub and the table. */
  readonly maxConcurrency: number;
  /** How long a received message stays hidden; at least 6 × the job's `timeoutSeconds`. */
  readonly visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Messages of one batch handled at once inside an invocation (default 1). */
  readonly messageConcurrency?: number;
}

/**
 * What starts a job. A schedule is an EventBridge Scheduler expression on
 * AWS and a timer in the local stack (`src/local/job-runner.ts`), which
 * understands `rate(…)` only. A queue is SQS with a dead-letter queue, read
 * by an event source mapping on AWS and by a local consumer in `npm start`.
 */
export type JobTrigger = { readonly schedule: `rate(${string})` } | { readonly queue: QueueSettings };

/**
 * Besides its trigger, the job is started once a day per organization: an
 * EventBridge Scheduler schedule each (one group per job, made by the CDK
 * app) sending that organization's message to the job's queue. Created and
 * removed at run time by the code that declares `schedule:<job>`
 * (src/integrations/schedules.ts); locally a timer of `npm start` plays them.
 */
export interface OrganizationSchedule {
  /** The hour, in the organization's own time zone (`settings.timezone`), the schedule fires in; the minute comes from the orgId. */
  readonly localHour: number;
}

export interface JobDefinition {
  /** Stable, kebab-case: the CDK construct id, the local test hook `POST /_local/jobs/<name>`, the log line, the queue's name locally. */
  readonly name: string;
  /** Module under `src/workers/`, without extension; it exports `handler`. */
  readonly handler: string;
  readonly summary: string;
  readonly trigger: JobTrigger;
  /** Granted exactly, as for a route (`Capability` in `src/routes.ts`); `test/cdk/bundles.test.ts` checks them. */
  readonly uses: readonly Capability[];
  /** The Lambda's timeout; the job bounds its own work per run to stay well inside it. */
  readonly timeoutSeconds: number;
  /** A queue job only. */
  readonly organizationSchedule?: OrganizationSchedule;
}

export type ScheduledJobDefinition = JobDefinition & { readonly trigger: { readonly schedule: `rate(${string})` } };
export type QueueJobDefinition = JobDefinition & { readonly trigger: { readonly queue: QueueSettings } };

export type OrganizationScheduledJob = QueueJobDefinition & { readonly organizationSchedule: OrganizationSchedule };

export const isQueueJob = (definition: JobDefinition): definition is QueueJobDefinition => 'queue' in definition.trigger;
export const hasOrganizationSchedule = (definition: JobDefinition): definition is OrganizationScheduledJob =>
  isQueueJob(definition) && definition.organizationSchedule !== undefined;
export const isScheduledJob = (definition: JobDefinition): definition is ScheduledJobDefinition => 'schedule' in definition.trigger;

/** The message a queue job takes, as a producer writes it. */
export type QueueMessageInput<J extends QueueJobDefinition> = z.input<J['trigger']['queue']['message']>;
/** The message a queue job takes, as its worker receives it (parsed). */
export type QueueMessage<J extends QueueJobDefinition> = z.output<J['trigger']['queue']['message']>;

export type ParsedQueueMessage<J extends QueueJobDefinition> =
  | { readonly ok: true; readonly message: QueueMessage<J> }
  | { readonly ok: false; readonly issues: readonly string[] };

/** A value checked against the job's message schema; the issues name paths, never values (a body may carry names). */
export function parseQueueMessage<J extends QueueJobDefinition>(definition: J, value: unknown): ParsedQueueMessage<J> {
  const parsed = definition.trigger.queue.message.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data as QueueMessage<J> };
  return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`) };
}

/** `github-sync` → `GITHUB_SYNC`: how a job is named in environment variables. */
export const jobVariableSuffix = (jobName: string): string => jobName.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/** `github-sync` → `QUEUE_URL_GITHUB_SYNC`: the variable a producer finds the queue's URL in. */
export function queueUrlVariable(jobName: string): string {
  return `QUEUE_URL_${jobVariableSuffix(jobName)}`;
}

/** The variables a function that declares `schedule:<job>` finds the job's schedule group, the role Scheduler sends as, and the target queue in. */
export function scheduleVariables(jobName: string) {
  const suffix = jobVariableSuffix(jobName);
  return { group: `SCHEDULE_GROUP_${suffix}`, roleArn: `SCHEDULE_ROLE_ARN_${suffix}`, queueArn: `QUEUE_ARN_${suffix}` } as const;
}

/** What is wrong with a queue job's settings, in one line each; empty when it is fine. */
export function queueSettingsProblems(definition: QueueJobDefinition): string[] {
  const { batchSize, maxConcurrency, visibilityTimeoutSeconds, maxReceiveCount, messageConcurrency = 1 } = definition.trigger.queue;
  const minVisibility = definition.timeoutSeconds * SQS_LIMITS.visibilityTimeoutPerFunctionTimeout;
  const within = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  return [
    within(batchSize, 1, SQS_LIMITS.maxBatchSize) ? '' : `batchSize ${batchSize} is not 1–${SQS_LIMITS.maxBatchSize}`,
    within(maxConcurrency, SQS_LIMITS.minMaxConcurrency, SQS_LIMITS.maxMaxConcurrency) ? '' : `maxConcurrency ${maxConcurrency} is not 2–1000`,
    within(visibilityTimeoutSeconds, minVisibility, SQS_LIMITS.maxVisibilityTimeoutSeconds)
      ? ''
      : `visibilityTimeoutSeconds ${visibilityTimeoutSeconds} is not ${minVisibility}–${SQS_LIMITS.maxVisibilityTimeoutSeconds} (6 × timeoutSeconds)`,
    within(maxReceiveCount, 1, 1000) ? '' : `maxReceiveCount ${maxReceiveCount} is not 1–1000`,
    within(messageConcurrency, 1, batchSize) ? '' : `messageConcurrency ${messageConcurrency} is not 1–batchSize`,
  ]
    .filter((problem) => problem !== '')
    .map((problem) => `Job ${definition.name}: ${problem}`);
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
  {
    name: 'github-sync',
    handler: 'github-sync',
    summary:
      "The organization sync: list the installation's active repositories and queue one job each, read one repository into stored activity, or recompute stored analyses from it",
    trigger: {
      queue: {
        message: GithubSyncMessage,
        batchSize: 5,
        // Jobs of every organization at once, bounded: GitHub's per-installation limits and the table's capacity.
        maxConcurrency: 4,
        visibilityTimeoutSeconds: 900,
        maxReceiveCount: 5,
        messageConcurrency: 2,
      },
    },
    // The model writes the prose of the analyses it recomputes when a sync finishes; the schedule of an
    // organization that is no longer connected is removed when it fires.
    uses: ['table:read', 'table:write', 'secret:githubApp', 'secret:model', 'queue:send:github-sync', 'schedule:github-sync'],
    timeoutSeconds: 150,
    // Also daily per organization, at a quiet hour of its own (docs/sync.md).
    organizationSchedule: { localHour: 3 },
  },
  {
    name: 'access-log',
    handler: 'access-log',
    summary: "Write the access-log entries a read queued: who saw whose figures, in the log of each person it was about",
    trigger: {
      queue: {
        message: AccessLogMessage,
        batchSize: 10,
        maxConcurrency: 2,
        visibilityTimeoutSeconds: 180,
        maxReceiveCount: 10,
        messageConcurrency: 5,
      },
    },
    uses: ['table:read', 'table:write'],
    timeoutSeconds: 30,
  },
  {
    name: 'organization-erasure',
    handler: 'organization-erasure',
    summary: 'Erase an organization its admin deleted: lookups, accounts left with no organization, webhook deliveries, its schedule, its partition',
    trigger: {
      queue: {
        message: OrganizationErasureMessage,
        batchSize: 1,
        maxConcurrency: 2,
        visibilityTimeoutSeconds: 900,
        maxReceiveCount: 10,
      },
    },
    uses: ['table:read', 'table:write', 'cognito:AdminDeleteUser', 'schedule:github-sync'],
    timeoutSeconds: 120,
  },
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof jobs)[number]['name'];

export function job<N extends JobName>(name: N): Extract<(typeof jobs)[number], { name: N }> {
  const found = jobs.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No job ${name} in the job table`);
  return found as Extract<(typeof jobs)[number], { name: N }>;
}

import { logger } from '../http/logger';

/**
 * What a sync tells as it goes: one event per repository read, one when
 * the sync finishes. On Lambda each is a JSON log line; `npm start`'s
 * queue runner puts one short human line each in the terminal instead
 * (src/local/queue-runner.ts). Names and counts only: no token or
 * secret is ever part of an event.
 */
export type SyncProgress =
  | {
      readonly kind: 'repository';
      readonly repo: string;
      readonly requests: number;
      readonly notModified: number;
      readonly slices: number;
      /** Deployments read, or null when this read did not ask for them. */
      readonly deployments: number | null;
      readonly seconds: number;
    }
  | {
      readonly kind: 'finished';
      /** The GitHub account, else the organization's id. */
      readonly account: string;
      readonly repositories: number;
      readonly requests: number;
      readonly notModified: number;
      readonly seconds: number;
    };

export type SyncProgressReporter = (event: SyncProgress) => void;

const log = logger.child({ job: 'github-sync' });

const asLogLine: SyncProgressReporter = (event) => log.info(event.kind === 'repository' ? 'Repository synced' : 'Sync finished', { ...event });

let reporter: SyncProgressReporter = asLogLine;

export function reportSyncProgress(event: SyncProgress): void {
  reporter(event);
}

/** Replaces the JSON log line (the local stack's terminal); answers a function that puts the log line back. */
export function setSyncProgressReporter(next: SyncProgressReporter): () => void {
  reporter = next;
  return () => {
    reporter = asLogLine;
  };
}

const plural = (count: number, noun: string, nouns = `${noun}s`) => `${count} ${count === 1 ? noun : nouns}`;

/** `sync techstartup/api: 7 requests (2 not modified), 4 slices, 3 deployments, 0.3 s` */
export function progressLine(event: SyncProgress): string {
  const requests = `${plural(event.requests, 'request')} (${event.notModified} not modified)`;
  const seconds = `${event.seconds.toFixed(1)} s`;
  if (event.kind === 'finished') return `sync ${event.account} finished: ${plural(event.repositories, 'repository', 'repositories')}, ${requests}, ${seconds}`;
  const deployments = event.deployments === null ? '' : `, ${plural(event.deployments, 'deployment')}`;
  return `sync ${event.repo}: ${requests}, ${plural(event.slices, 'slice')}${deployments}, ${seconds}`;
}

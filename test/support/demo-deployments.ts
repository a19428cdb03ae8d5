import { readFileSync } from 'node:fs';
import { DEMO_DATASET_PATH } from '../../src/local/github-emulator';

/**
 * The demo dataset with its deployments replaced by these edge cases (the
 * demo's own are a regular release train, scripts/demo-dataset/deployments.ts,
 * with every deployment concluded and none before the window), written in
 * the demo's own time frame (its anchor moves them with today's date):
 * production and staging deployments of techstartup/api and
 * techstartup/web in the window, a failure restored, one still in
 * progress, one with no status yet, one by a bot, one in the window before
 * and one older than both windows (never read).
 */
const sha = (n: number) => n.toString(16).padStart(40, 'd');

export const DEMO_DEPLOYMENTS = [
  { repo: 'techstartup/api', id: 7001, sha: sha(1), environment: 'production', createdAt: '2026-04-20T10:00:00Z', creator: 'bob-senior', statuses: [{ state: 'success', createdAt: '2026-04-20T10:06:00Z' }] },
  { repo: 'techstartup/api', id: 7002, sha: sha(2), environment: 'production', createdAt: '2026-07-14T15:00:00Z', creator: 'bob-senior', statuses: [{ state: 'success', createdAt: '2026-07-14T15:04:00Z' }] },
  {
    repo: 'techstartup/api', id: 7003, sha: sha(3), environment: 'production', createdAt: '2026-10-06T16:00:00Z', creator: 'alice-dev',
    statuses: [{ state: 'in_progress', createdAt: '2026-10-06T16:01:00Z' }, { state: 'failure', createdAt: '2026-10-06T16:09:00Z' }],
  },
  {
    repo: 'techstartup/api', id: 7004, sha: sha(4), environment: 'production', createdAt: '2026-10-06T18:30:00Z', creator: 'bob-senior',
    statuses: [{ state: 'in_progress', createdAt: '2026-10-06T18:31:00Z' }, { state: 'success', createdAt: '2026-10-06T18:37:00Z' }],
  },
  { repo: 'techstartup/api', id: 7005, sha: sha(5), environment: 'staging', createdAt: '2026-11-03T09:00:00Z', creator: 'charlie-junior', statuses: [{ state: 'error', createdAt: '2026-11-03T09:02:00Z' }] },
  { repo: 'techstartup/api', id: 7006, sha: sha(6), environment: 'production', createdAt: '2026-11-18T11:00:00Z', creator: 'github-actions[bot]', statuses: [{ state: 'queued', createdAt: '2026-11-18T11:00:30Z' }, { state: 'in_progress', createdAt: '2026-11-18T11:01:00Z' }] },
  { repo: 'techstartup/web', id: 7101, sha: sha(7), environment: 'production', createdAt: '2026-09-29T14:00:00Z', creator: 'alice-dev', statuses: [{ state: 'success', createdAt: '2026-09-29T14:03:00Z' }] },
  { repo: 'techstartup/web', id: 7102, sha: sha(8), environment: 'production', createdAt: '2026-11-10T14:00:00Z', creator: 'dan-dev', statuses: [] },
] as const;

export function demoDatasetWithDeployments(): Record<string, unknown> {
  const demo = JSON.parse(readFileSync(DEMO_DATASET_PATH, 'utf8')) as Record<string, unknown>;
  return { ...demo, deployments: DEMO_DEPLOYMENTS };
}

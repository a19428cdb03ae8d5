import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_DATASET_PATH } from '../../../src/local/github-emulator';

/**
 * The demo's deployments (scripts/demo-dataset/deployments.ts) as the
 * dataset file holds them: what a manager sees as delivery figures.
 */
interface FileDeployment { repo: string; environment: string; createdAt: string; creator: string; statuses: { state: string; createdAt: string }[] }
const dataset = JSON.parse(readFileSync(DEMO_DATASET_PATH, 'utf8')) as { deployments: FileDeployment[] };
const production = dataset.deployments.filter((deployment) => deployment.environment === 'production');
const outcome = (deployment: FileDeployment) => deployment.statuses.at(-1)?.state;

describe("the demo's release train", () => {
  it('It should ship every repository of the product to production once a week, on Tuesdays, after staging', () => {
    const repos = [...new Set(production.map((deployment) => deployment.repo))].sort();
    expect(repos).toEqual(['techstartup/api', 'techstartup/infra', 'techstartup/mobile', 'techstartup/web']);
    for (const repo of repos) {
      const days = production.filter((deployment) => deployment.repo === repo && outcome(deployment) === 'success').map((deployment) => deployment.createdAt.slice(0, 10));
      expect(new Set(days.map((day) => new Date(`${day}T00:00:00Z`).getUTCDay()))).toEqual(new Set([2]));
      expect(days.length).toBeGreaterThanOrEqual(10);
    }
    expect(dataset.deployments.some((deployment) => deployment.environment === 'staging')).toBe(true);
  });

  it('It should have one failed production deploy, fixed by the next one the same day', () => {
    const failed = production.filter((deployment) => outcome(deployment) === 'failure');
    expect(failed).toHaveLength(1);
    const [failure] = failed as [FileDeployment];
    const fix = production.find((deployment) => deployment.repo === failure.repo && deployment.createdAt > failure.createdAt);
    expect(fix && outcome(fix)).toBe('success');
    expect(fix?.createdAt.slice(0, 10)).toBe(failure.createdAt.slice(0, 10));
  });
});

import { config, provideAppEnvironment } from '../../src/config';
import { setLogLevel } from '../../src/http/logger';
import { installationClient, type GithubClient } from '../../src/integrations/github/installation-client';
import { githubAppEnvironment, newGithubApp } from '../../src/local/github-app-credentials';
import { DEMO_DATASET_PATH, startGithubEmulator, type GithubEmulator } from '../../src/local/github-emulator';

/**
 * A GitHub emulator of the caller's own, serving the demo (or `dataset`) with a fresh
 * GitHub App installed on `account`, and the app's configuration provided
 * to the code under test (with `environment` beside it): the product's
 * Octokit talks to it as an installation, as it would to GitHub.
 */
export async function startEmulatedInstallation(
  environment: Record<string, string>,
  account = 'techstartup',
  dataset?: unknown,
): Promise<{ emulator: GithubEmulator; github: GithubClient; installationId: number }> {
  const app = newGithubApp();
  const served = dataset === undefined ? { datasetPath: DEMO_DATASET_PATH } : { dataset };
  const emulator = await startGithubEmulator({ port: 0, ...served, controls: true, app: { ...app, setupUrl: 'http://app.invalid/callback' } });
  provideAppEnvironment({ ...environment, GITHUB_API_URL: emulator.url, ...githubAppEnvironment(app) });
  // As a worker's wrapper would: services called directly log at the level the test asked for.
  setLogLevel(config().logLevel);
  const installed = await fetch(`${emulator.url}/_emulator/installations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account }),
  });
  const installationId = ((await installed.json()) as { id: number }).id;
  return { emulator, github: await installationClient(installationId), installationId };
}

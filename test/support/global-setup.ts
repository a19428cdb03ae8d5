import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from './local-stack-process';
import type { StackInfo } from './provided';

/**
 * One local stack for the whole run, on free ports and a throw-away data
 * folder, so tests never touch a developer's `npm start` or its `.data/`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'devinsights-test-'));
  const removeData = () => rm(dataDir, { recursive: true, force: true });
  const running = await startLocalStack({ dataDir }).catch(async (error: unknown) => {
    await removeData();
    throw error;
  });
  const { manifest } = running;
  if (!manifest.webUrl) throw new Error(`The test stack serves no web app. Its output:\n${running.output()}`);
  const stack: StackInfo = {
    apiUrl: manifest.apiUrl,
    webUrl: manifest.webUrl,
    sesUrl: `http://127.0.0.1:${running.ports.ses}`,
    cognitoUrl: manifest.cognitoEndpoint,
    githubUrl: `http://127.0.0.1:${running.ports.github}`,
    dynamodbEndpoint: manifest.dynamodbEndpoint,
    sqsEndpoint: manifest.sqsEndpoint,
    userPoolId: manifest.userPoolId,
    userPoolClientId: manifest.userPoolClientId,
    issuer: manifest.issuer,
    tableName: manifest.tableName,
    region: manifest.region,
    dataDir,
  };
  project.provide('stack', stack);
  return async () => {
    await running.stop();
    await removeData();
  };
}

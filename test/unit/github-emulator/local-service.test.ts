import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalStackConfig } from '../../../src/config';
import { LocalStackError } from '../../../src/local/errors';
import { startStackGithubEmulator } from '../../../src/local/github-emulator/local-service';
import { localServices, otherPorts } from '../../../src/local/services';

function settings(overrides: Partial<LocalStackConfig> = {}): LocalStackConfig {
  return {
    PORT: 3000, WEB_PORT: 3001, WEB_APP_DIR: 'web', DYNAMODB_PORT: 8000, COGNITO_PORT: 9229, SES_PORT: 8005, GITHUB_EMULATOR_PORT: 0, SQS_PORT: 9324, TABLE_NAME: 'devinsights',
    LOCAL_DATA_DIR: '.data', AWS_REGION: 'us-east-1', GITHUB_EMULATOR_CONTROLS: 'false', LOCAL_JOB_CONTROLS: 'false', GITHUB_EMULATOR_RATE_LIMIT_SCALE: 1, ...overrides,
  };
}

describe('the GitHub emulator in npm start', () => {
  it('is one of the local services, on GITHUB_EMULATOR_PORT, no longer only a held port', () => {
    const services = localServices(settings({ GITHUB_EMULATOR_PORT: 8010 }));

    expect(services.map((service) => service.port.variable)).toContain('GITHUB_EMULATOR_PORT');
    expect(services.find((service) => service.name === 'GitHub emulator')?.port.port).toBe(8010);
    expect(otherPorts(settings()).map((claim) => claim.variable)).toEqual(['PORT', 'WEB_PORT']);
  });

  it('serves the demo dataset and points the app at itself', async () => {
    const started = await startStackGithubEmulator(settings());
    try {
      const endpoint = `http://localhost:${started.emulator.port}`;

      const org = await fetch(`${endpoint}/orgs/techstartup`);
      const controls = await fetch(`${endpoint}/_emulator/stats`);

      expect(started.environment).toEqual({ GITHUB_API_URL: endpoint });
      expect(started.banner).toBe(`GitHub emulator ${endpoint}`);
      expect(await org.json()).toMatchObject({ login: 'techstartup', name: 'TechStartup Inc' });
      expect(controls.status).toBe(404);
    } finally {
      await started.emulator.close();
    }
  });

  it('leaves a GITHUB_API_URL the user set alone, and still starts', async () => {
    const started = await startStackGithubEmulator(settings({ GITHUB_API_URL: 'https://github.example.com/api/v3' }));
    try {
      expect(started.environment).toEqual({});
      expect((await fetch(`${started.emulator.url}/users/bob-senior`)).status).toBe(200);
    } finally {
      await started.emulator.close();
    }
  });

  it('serves GITHUB_DATASET, with controls when GITHUB_EMULATOR_CONTROLS=true', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stack-dataset-'));
    try {
      const path = join(dir, 'mine.json');
      await writeFile(path, JSON.stringify({ organizations: [{ login: 'mine' }] }));

      const started = await startStackGithubEmulator(settings({ GITHUB_DATASET: path, GITHUB_EMULATOR_CONTROLS: 'true' }));
      try {
        expect((await fetch(`${started.emulator.url}/orgs/mine`)).status).toBe(200);
        expect((await fetch(`${started.emulator.url}/orgs/techstartup`)).status).toBe(404);
        expect((await fetch(`${started.emulator.url}/_emulator/stats`)).status).toBe(200);
      } finally {
        await started.emulator.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops npm start with a readable LocalStackError for a dataset it cannot serve', async () => {
    const attempt = startStackGithubEmulator(settings({ GITHUB_DATASET: '/nowhere/dataset.json' }));

    await expect(attempt).rejects.toThrow(LocalStackError);
    await expect(attempt).rejects.toThrow(/Cannot read the GitHub dataset \/nowhere\/dataset\.json[\s\S]*GITHUB_DATASET/);
  });
});

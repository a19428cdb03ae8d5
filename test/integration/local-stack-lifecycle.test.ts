import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPortFree } from '../../src/local/ports';
import type { LocalStackManifest } from '../../src/local/manifest';
import { connectGithub, firstSyncFinished } from '../support/github-connection';
import { freePorts, launchLocalStack, startLocalStack, type StackPorts } from '../support/local-stack-process';
import { readUntil } from '../support/polling';

/** Each test here runs a stack of its own (not the shared one), on its own ports and data folder. */
const STACK_TEST_TIMEOUT_MS = 180_000;

function dynamodb(manifest: LocalStackManifest): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: manifest.dynamodbEndpoint,
    region: manifest.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

async function portsStillTaken(ports: StackPorts): Promise<number[]> {
  const all = [ports.api, ports.dynamodb, ports.cognito, ports.ses, ports.sqs, ports.web];
  const free = await Promise.all(all.map((port) => isPortFree(port)));
  return all.filter((_, index) => !free[index]);
}

/** Sarah's organization on a stack of the test's own: signed up, verified, logged in, Bob invited and joined; her access token. */
async function storyOn(manifest: LocalStackManifest): Promise<string> {
  const call = async (path: string, init: { method?: string; json?: unknown; token?: string } = {}) => {
    const response = await fetch(`${manifest.apiUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const lastEmailTo = async (to: string) => {
    const { emails } = (await (await fetch(manifest.sesInboxUrl)).json()) as { emails: { destination: { to: string[] }; body: { text?: string } }[] };
    return emails.filter((email) => email.destination.to.includes(to)).at(-1)?.body.text ?? '';
  };
  const email = 'sarah@techstartup.com';
  await call('/auth/signup', { method: 'POST', json: { email, password: 'SecurePass123', name: 'Sarah Chen', organizationName: 'TechStartup Inc' } });
  await call('/auth/verify', { method: 'POST', json: { email, code: /\b(\d{6})\b/.exec(await lastEmailTo(email))?.[1] } });
  const token = (await call('/auth/login', { method: 'POST', json: { email, password: 'SecurePass123' } })).body.accessToken as string;
  const bob = { email: 'bob@techstartup.com', name: 'Bob Senior', role: 'member', githubUsername: 'bob-senior' };
  await call('/team/invite', { method: 'POST', token, json: { invitations: [bob] } });
  const invite = /token=([A-Za-z0-9_-]+)/.exec(await lastEmailTo(bob.email))?.[1];
  expect((await call('/invite/complete', { method: 'POST', json: { token: invite, password: 'BobSecure456' } })).status).toBe(201);
  return token;
}

describe('npm start across restarts', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'devinsights-lifecycle-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps the table\'s items and the user pool after Ctrl-C and a new start, leaving no emulator behind',
    async () => {
      const ports = await freePorts();
      const first = await startLocalStack({ dataDir, ports });
      const key = { PK: { S: 'LIFECYCLE#test' }, SK: { S: 'ITEM#1' } };
      const writer = dynamodb(first.manifest);
      await writer.send(new PutItemCommand({ TableName: first.manifest.tableName, Item: { ...key, note: { S: 'kept' } } }));
      writer.destroy();

      const stopped = await first.stop('SIGINT');

      expect(stopped).toEqual({ code: 130, signal: null });
      expect(await portsStillTaken(ports)).toEqual([]);

      const second = await startLocalStack({ dataDir, ports });
      try {
        const reader = dynamodb(second.manifest);
        const { Item } = await reader.send(new GetItemCommand({ TableName: second.manifest.tableName, Key: key }));
        reader.destroy();

        expect(Item?.['note']).toEqual({ S: 'kept' });
        expect(second.manifest.userPoolId).toBe(first.manifest.userPoolId);
        expect(second.manifest.userPoolClientId).toBe(first.manifest.userPoolClientId);
      } finally {
        await second.stop();
      }
      expect(await portsStillTaken(ports)).toEqual([]);
    },
    STACK_TEST_TIMEOUT_MS,
  );

  it(
    'keeps the GitHub connection after a new start, and a sync cut off by the stop runs again and finishes',
    async () => {
      const ports = await freePorts();
      const githubUrl = `http://localhost:${ports.github}`;
      const first = await startLocalStack({ dataDir, ports });
      const token = await storyOn(first.manifest);
      await connectGithub({ accessToken: token }, 'techstartup', { apiUrl: first.manifest.apiUrl, githubUrl });
      const before = await (await fetch(`${first.manifest.apiUrl}/integrations/github`, { headers: { authorization: `Bearer ${token}` } })).json();
      await first.stop();

      const second = await startLocalStack({ dataDir, ports });
      try {
        const headers = { authorization: `Bearer ${token}` };
        const after = (await (await fetch(`${second.manifest.apiUrl}/integrations/github`, { headers })).json()) as any;
        // The first sync began at connecting, and its queued jobs went with the first stack's in-memory queue.
        const synced = await firstSyncFinished({ accessToken: token }, { apiUrl: second.manifest.apiUrl, githubUrl });
        const bob = await fetch(`${second.manifest.apiUrl}/ai/code-quality/bob-senior?refresh=true`, { headers });

        expect(after).toMatchObject({ connected: true, installationId: (before as any).installationId, rateLimit: { limit: expect.any(Number), remaining: expect.any(Number) } });
        expect(synced.repositories.done).toBe(synced.repositories.total);
        expect(bob.status).toBe(200);
        expect(((await bob.json()) as any).metrics.totalCommits).toBeGreaterThan(0);
      } finally {
        await second.stop();
      }
    },
    STACK_TEST_TIMEOUT_MS,
  );

  it(
    'refuses to start when a port is taken, naming the port and its variable, without a stack trace',
    async () => {
      const ports = await freePorts();
      const squatter: Server = createServer();
      await new Promise<void>((resolve) => squatter.listen(ports.dynamodb, '127.0.0.1', resolve));
      try {
        const launched = launchLocalStack({ dataDir, ports });

        const { code } = await launched.exited;

        expect(code).toBe(1);
        expect(launched.output()).toContain(`Port ${ports.dynamodb} (DYNAMODB_PORT`);
        expect(launched.output()).not.toMatch(/^\s+at /m);
        expect(await portsStillTaken(ports)).toEqual([ports.dynamodb]);
      } finally {
        await new Promise((resolve) => squatter.close(resolve));
      }
    },
    STACK_TEST_TIMEOUT_MS,
  );
});

function eventuallyFree(ports: StackPorts, timeoutMs = 20_000): Promise<number[]> {
  return readUntil(() => portsStillTaken(ports), (taken) => taken.length === 0, { timeoutMs, intervalMs: 250 });
}

describe('npm start under an IDE or a process manager', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'devinsights-signals-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'It should stop every emulator and free every port when only the npm process gets %s',
    async (signal) => {
      const ports = await freePorts();
      const launched = launchLocalStack({ dataDir, ports, viaNpm: true });
      await launched.ready();

      // The npm process alone, as `kill -TERM <pid>` does, not its process group.
      process.kill(launched.pid, signal);
      await launched.exited;

      expect(await eventuallyFree(ports)).toEqual([]);
    },
    STACK_TEST_TIMEOUT_MS,
  );

  it(
    'It should name the earlier stack that holds the ports and how to stop it, in one line',
    async () => {
      const ports = await freePorts();
      const earlier = await startLocalStack({ dataDir, ports });
      try {
        const second = launchLocalStack({ dataDir, ports });

        const { code } = await second.exited;

        expect(code).toBe(1);
        const problems = second.output().split('\n').filter((line) => line.trim() !== '');
        expect(problems).toEqual([expect.stringContaining(`An earlier DevInsights stack (pid ${earlier.pid}`)]);
        expect(problems[0]).toContain(`kill ${earlier.pid}`);
        const health = await fetch(`${earlier.manifest.apiUrl}/health`);
        expect(health.status).toBe(200);
      } finally {
        await earlier.stop();
      }
    },
    STACK_TEST_TIMEOUT_MS,
  );
});

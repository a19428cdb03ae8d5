import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPortFree } from '../../src/local/ports';
import type { LocalStackManifest } from '../../src/local/manifest';
import { freePorts, launchLocalStack, startLocalStack, type StackPorts } from '../support/local-stack-process';

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
  const all = [ports.api, ports.dynamodb, ports.cognito, ports.ses, ports.sqs];
  const free = await Promise.all(all.map((port) => isPortFree(port)));
  return all.filter((_, index) => !free[index]);
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

async function eventuallyFree(ports: StackPorts, timeoutMs = 20_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let taken = await portsStillTaken(ports);
  while (taken.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    taken = await portsStillTaken(ports);
  }
  return taken;
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

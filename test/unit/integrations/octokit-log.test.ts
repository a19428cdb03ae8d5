import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLogLevel } from '../../../src/http/logger';
import { octokitLog } from '../../../src/integrations/github/octokit-log';

/** Everything the process prints, stdout and stderr, as Powertools and Octokit's console fallback would write it. */
function captureOutput(): string[] {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk) => {
      lines.push(...String(chunk).split('\n').filter((line) => line !== ''));
      return true;
    });
  }
  return lines;
}

/** A GitHub that marks /deprecated as deprecated, answers /cached 304 and everything else 404. */
let github: Server;
let baseUrl: string;

beforeAll(async () => {
  github = createServer((request, response) => {
    if (request.url === '/deprecated') {
      response.writeHead(200, { 'content-type': 'application/json', deprecation: 'true', sunset: 'Wed, 31 Dec 2031 00:00:00 GMT' });
      response.end('{}');
    } else if (request.url === '/cached') {
      response.writeHead(304).end();
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    }
  });
  await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => github.close(() => resolve())));

afterEach(() => {
  vi.restoreAllMocks();
  setLogLevel('info');
});

const client = () => new Octokit({ baseUrl, log: octokitLog, request: { log: octokitLog } });

describe("Octokit's own logging", () => {
  it('should turn a deprecation warning into one JSON line at warn', async () => {
    const lines = captureOutput();

    await client().request('GET /deprecated');

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', source: 'octokit', message: expect.stringContaining('is deprecated') });
  });

  it('should print nothing at info for requests GitHub answers 304 or 404, though Octokit logs them as errors', async () => {
    const lines = captureOutput();

    await expect(client().request('GET /cached')).rejects.toMatchObject({ status: 304 });
    await expect(client().request('GET /missing')).rejects.toMatchObject({ status: 404 });

    expect(lines).toEqual([]);
  });

  it('should keep those request lines as JSON at debug', async () => {
    setLogLevel('debug');
    const lines = captureOutput();

    await expect(client().request('GET /missing')).rejects.toMatchObject({ status: 404 });

    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed).toContainEqual(expect.objectContaining({ level: 'debug', source: 'octokit', message: expect.stringMatching(/^GET \/missing - 404 with id \S+ in \d+ms$/) }));
    expect(parsed.every((line) => line.level === 'debug')).toBe(true);
  });
});

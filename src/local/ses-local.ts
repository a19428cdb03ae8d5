import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnInGroup, type ManagedChild } from './process-group';
import { answersOk, waitUntilReady } from './readiness';

const READY_TIMEOUT_MS = 30_000;

const require = createRequire(import.meta.url);
const CLI = join(dirname(require.resolve('aws-ses-v2-local/package.json')), 'dist/cli.js');

export interface SesLocal {
  readonly child: ManagedChild;
  readonly endpoint: string;
  /** Every email sent so far, as JSON (`GET`); in memory, so a restart empties it. */
  readonly inboxUrl: string;
}

/** aws-ses-v2-local, in its own process so its logging stays out of the API's console. */
export async function startSesLocal(options: { port: number; cwd: string; logFile: string }): Promise<SesLocal> {
  const child = spawnInGroup('SES emulator', process.execPath, [CLI, '--port', String(options.port), '--host', '127.0.0.1'], {
    cwd: options.cwd,
    logFile: options.logFile,
  });
  const endpoint = `http://localhost:${options.port}`;
  await waitUntilReady(child, `GET /health-check on port ${options.port}`, () => answersOk(`${endpoint}/health-check`), READY_TIMEOUT_MS);
  return { child, endpoint, inboxUrl: `${endpoint}/store` };
}

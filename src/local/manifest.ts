import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `<LOCAL_DATA_DIR>/local-stack.json`: where the running stack's parts are.
 * Rewritten by every start once everything answers; tests and scripts read it
 * instead of guessing ports, and `pid` tells whether that stack still runs.
 */
export interface LocalStackManifest {
  readonly apiUrl: string;
  /** The web app; absent when the checkout has no web app to serve. */
  readonly webUrl?: string;
  readonly dynamodbEndpoint: string;
  readonly cognitoEndpoint: string;
  readonly sesEndpoint: string;
  readonly sesInboxUrl: string;
  readonly sqsEndpoint: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** The `iss` claim of this pool's tokens. */
  readonly issuer: string;
  readonly tableName: string;
  readonly region: string;
  readonly dataDir: string;
  readonly pid: number;
}

export const MANIFEST_FILE = 'local-stack.json';

export function manifestPath(dataDir: string): string {
  return join(dataDir, MANIFEST_FILE);
}

export async function writeManifest(dataDir: string, manifest: LocalStackManifest): Promise<void> {
  const file = manifestPath(dataDir);
  // Written aside then renamed, so a reader never sees half a file.
  await writeFile(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

export async function readManifest(dataDir: string): Promise<LocalStackManifest> {
  return JSON.parse(await readFile(manifestPath(dataDir), 'utf8')) as LocalStackManifest;
}

import { resolve } from 'node:path';
import type { LocalStackConfig } from '../../config';
import { LocalStackError } from '../errors';
import { DEMO_DATASET_PATH } from './demo-dataset-path';
import { GithubDatasetError } from './errors';
import type { GithubAppOptions } from './github-app';
import { GITHUB_INSTALLATION_LIMITS, GITHUB_RATE_LIMITS, type RateLimitResource } from './rate-limit';
import { GITHUB_SECONDARY_LIMITS } from './secondary-rate-limit';
import { startGithubEmulator, type GithubEmulator } from './server';

export interface StackGithubEmulator {
  readonly emulator: GithubEmulator;
  /** `GITHUB_API_URL` (and a token) for the app, unless the user set GITHUB_API_URL (theirs always wins). */
  readonly environment: Record<string, string>;
  readonly banner: string;
}

/**
 * The GitHub emulator as `npm start` runs it: in this process (it is a small
 * node:http server), on GITHUB_EMULATOR_PORT, serving GITHUB_DATASET (a
 * relative path is taken from the working directory) or the demo dataset.
 * It starts even when GITHUB_API_URL points elsewhere: a proxy or a test
 * may sit in front of it. Controls (`/_emulator/*`) only with
 * GITHUB_EMULATOR_CONTROLS=true, which tests set and users never need.
 */
function scaledRateLimits(scale: number) {
  const scaled = (resource: RateLimitResource) => ({
    authenticated: GITHUB_RATE_LIMITS[resource].authenticated * scale,
    unauthenticated: GITHUB_RATE_LIMITS[resource].unauthenticated * scale,
  });
  const installation = { base: GITHUB_INSTALLATION_LIMITS.base * scale, max: GITHUB_INSTALLATION_LIMITS.max * scale };
  const { concurrent, pointsPerMinute, contentPerMinute, contentPerHour } = GITHUB_SECONDARY_LIMITS;
  const secondary = { concurrent: concurrent * scale, pointsPerMinute: pointsPerMinute * scale, contentPerMinute: contentPerMinute * scale, contentPerHour: contentPerHour * scale };
  return { core: scaled('core'), search: scaled('search'), installation, secondary };
}

/** `app`: GitHub's app side for the product's GitHub App (the key `npm start` generates, its webhook URL on the local API). */
export async function startStackGithubEmulator(
  settings: LocalStackConfig,
  app?: GithubAppOptions,
  installationsFile?: string,
): Promise<StackGithubEmulator> {
  const datasetPath = settings.GITHUB_DATASET ? resolve(settings.GITHUB_DATASET) : DEMO_DATASET_PATH;
  let emulator: GithubEmulator;
  try {
    emulator = await startGithubEmulator({
      port: settings.GITHUB_EMULATOR_PORT,
      datasetPath,
      controls: settings.GITHUB_EMULATOR_CONTROLS === 'true',
      rateLimits: scaledRateLimits(settings.GITHUB_EMULATOR_RATE_LIMIT_SCALE),
      ...(app ? { app } : {}),
      ...(installationsFile ? { installationsFile } : {}),
    });
  } catch (error) {
    if (error instanceof GithubDatasetError) throw new LocalStackError(`${error.message}\nSet GITHUB_DATASET to a dataset file, or unset it for the demo dataset.`, undefined, { cause: error });
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new LocalStackError(`Port ${settings.GITHUB_EMULATOR_PORT} (GITHUB_EMULATOR_PORT, for the GitHub emulator) is already in use.`, undefined, { cause: error });
    }
    throw error;
  }
  const endpoint = `http://localhost:${emulator.port}`;
  return {
    emulator,
    environment: settings.GITHUB_API_URL ? {} : { GITHUB_API_URL: endpoint },
    banner: `GitHub emulator ${endpoint}`,
  };
}

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB_PROJECT = join(REPO_ROOT, 'web');
const WEB_DIST = join(WEB_PROJECT, 'dist');

/**
 * Stands in for the app where there is none to deploy: CDK tests (they
 * check the template, not the app, and must not need a build) and a
 * checkout without `web/`. Its page says so, rather than a blank site.
 */
export const WEB_APP_PLACEHOLDER = join(REPO_ROOT, 'lib', 'web-app-placeholder');

export interface WebAppAssets {
  readonly dir: string;
  /** Why the placeholder stands in, for a synth warning; absent when the real app is deployed. */
  readonly placeholderReason?: string;
}

/**
 * What `cdk synth`/`cdk deploy` uploads as the web app: `web/dist`, built
 * first with Vite when a clean clone has none yet (a deploy must never ship
 * a stale or missing app by accident), or the placeholder when the checkout
 * has no web app at all.
 */
export function webAppAssets(): WebAppAssets {
  if (!existsSync(join(WEB_PROJECT, 'vite.config.ts'))) {
    return existsSync(join(WEB_DIST, 'index.html'))
      ? { dir: WEB_DIST }
      : { dir: WEB_APP_PLACEHOLDER, placeholderReason: 'This checkout has no web app (web/vite.config.ts): a placeholder page is deployed in its place.' };
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    console.error('Building the web app (web/dist is missing)…');
    execFileSync('npx', ['vite', 'build', '--config', join(WEB_PROJECT, 'vite.config.ts'), '--logLevel', 'error'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  return { dir: WEB_DIST };
}

import { access, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { LocalStackError } from './errors';

/**
 * The web app's Vite project as `npm start` finds it: built into `dist/`
 * when that is missing or older than the sources, so a fresh clone or an
 * edited screen is served without a separate build step.
 */
export interface WebAppProject {
  /** The project folder (`web/`), with `vite.config.ts`, `index.html` and `src/`. */
  readonly root: string;
  /** Its build output, what the web server serves. */
  readonly distDir: string;
}

const CONFIG_FILE = 'vite.config.ts';
/** What a build is made from; a change to any of them makes `dist/` stale. */
const SOURCES = ['src', 'public', 'index.html', CONFIG_FILE];

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The newest modification time under `path` (a file or a folder, recursively); 0 when it does not exist. */
async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** Why `dist/` must be built first, or undefined when it is current. */
export async function staleReason(project: WebAppProject): Promise<string | undefined> {
  const builtAt = (await stat(join(project.distDir, 'index.html')).catch(() => undefined))?.mtimeMs;
  const shown = relative(process.cwd(), project.distDir) || project.distDir;
  if (builtAt === undefined) return `${shown} is missing`;
  const changedAt = Math.max(...(await Promise.all(SOURCES.map((source) => newestMtime(join(project.root, source))))));
  return changedAt > builtAt ? `${shown} is older than its sources` : undefined;
}

/**
 * Builds the project with Vite's JS API when `dist/` is stale, printing one
 * line; answers false when there is no project to build (no `vite.config.ts`)
 * and nothing built either, so the stack serves the API alone.
 */
export async function prepareWebApp(project: WebAppProject, print: (line: string) => void): Promise<boolean> {
  const configFile = join(project.root, CONFIG_FILE);
  if (!(await exists(configFile))) return exists(join(project.distDir, 'index.html'));
  const reason = await staleReason(project);
  if (!reason) return true;
  print(`Building the web app (${reason})…`);
  // Loaded only when a build is due: Vite is a large import that a current build never needs.
  const { build } = await import('vite');
  try {
    await build({
      configFile,
      root: project.root,
      logLevel: 'error',
      build: { outDir: project.distDir, emptyOutDir: true },
    });
  } catch (error) {
    throw new LocalStackError(`The web app in ${project.root} did not build.`, error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  return true;
}

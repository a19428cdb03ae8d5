import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareWebApp, staleReason, type WebAppProject } from '../../../src/local/web-app-build';

let project: WebAppProject;

async function writeAt(path: string, text: string, secondsAgo: number): Promise<void> {
  await writeFile(path, text);
  const at = new Date(Date.now() - secondsAgo * 1000);
  await utimes(path, at, at);
}

beforeEach(async () => {
  const root = await mkdtemp(join(tmpdir(), 'web-app-build-'));
  project = { root, distDir: join(root, 'dist') };
  await mkdir(join(root, 'src', 'screens'), { recursive: true });
  await writeAt(join(root, 'vite.config.ts'), 'export default {};', 100);
  await writeAt(join(root, 'index.html'), '<div id="root"></div>', 100);
  await writeAt(join(root, 'src', 'screens', 'team.tsx'), 'export {};', 100);
  // A folder's own time changes when a file in it is added or removed, which a build must follow too.
  const before = new Date(Date.now() - 100_000);
  for (const folder of [join(root, 'src', 'screens'), join(root, 'src')]) await utimes(folder, before, before);
});

afterEach(() => rm(project.root, { recursive: true, force: true }));

describe('whether npm start builds the web app first', () => {
  it('builds when there is no dist/ yet', async () => {
    expect(await staleReason(project)).toMatch(/dist is missing$/);
  });

  it('does not build when dist/ is newer than every source', async () => {
    await mkdir(project.distDir);
    await writeAt(join(project.distDir, 'index.html'), 'built', 10);

    expect(await staleReason(project)).toBeUndefined();
  });

  it('builds when a screen deep under src/ changed after the last build', async () => {
    await mkdir(project.distDir);
    await writeAt(join(project.distDir, 'index.html'), 'built', 10);
    await writeAt(join(project.root, 'src', 'screens', 'team.tsx'), 'export const changed = 1;', 0);

    expect(await staleReason(project)).toMatch(/dist is older than its sources$/);
  });

  it('serves no web app when the folder has neither a Vite project nor a build', async () => {
    await rm(join(project.root, 'vite.config.ts'));
    const printed: string[] = [];

    expect(await prepareWebApp(project, (line) => printed.push(line))).toBe(false);
    expect(printed).toEqual([]);
  });
});

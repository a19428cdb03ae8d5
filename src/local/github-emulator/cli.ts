import { parseArgs } from 'node:util';
import { APP_FLAGS, appOptionsFrom, type AppFlag } from './app-config';
import { DEMO_DATASET_PATH } from './demo-dataset-path';
import { GithubDatasetError } from './errors';
import { startGithubEmulator } from './server';

/**
 * The GitHub emulator on its own:
 *   tsx src/local/github-emulator/cli.ts --port 8010 --dataset data/github/demo-dataset.json [--controls] [--host 127.0.0.1]
 * Without --dataset it serves the demo dataset; --controls adds /_emulator/faults and /_emulator/stats.
 * GitHub's app side with --app-id, --app-slug, --app-private-key-file, --app-webhook-secret [--app-client-id
 * --app-client-secret --app-setup-url --app-webhook-url], or the GITHUB_APP_* variables (app-config.ts).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8010' },
      host: { type: 'string', default: '127.0.0.1' },
      dataset: { type: 'string', default: DEMO_DATASET_PATH },
      controls: { type: 'boolean', default: false },
      ...(Object.fromEntries(Object.keys(APP_FLAGS).map((flag) => [flag, { type: 'string' }])) as Record<AppFlag, { type: 'string' }>),
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new GithubDatasetError(`--port must be a port number, not "${values.port}"`);
  const app = appOptionsFrom(values, process.env);
  const emulator = await startGithubEmulator({ port, host: values.host, datasetPath: values.dataset, controls: values.controls, ...(app ? { app } : {}) });
  const counts = [...emulator.store.commitsByRepo.values()].reduce((sum, list) => sum + list.length, 0);
  console.log(
    `GitHub emulator ${emulator.url} serving ${values.dataset} (${counts} commits, ${emulator.store.repositories.size} repositories, loaded in ${Math.round(emulator.loadMs)} ms)` +
      (values.controls ? ' with /_emulator controls' : '') +
      (app ? `, as GitHub for the app ${app.slug} (id ${app.id})` : ''),
  );
  const stop = () => {
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof GithubDatasetError ? error.message : error);
  process.exit(1);
});

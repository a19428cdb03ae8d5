/**
 * How long `POST /_emulator/organizations` takes as copies of the demo
 * organization pile up (each one rebuilds the store from the whole dataset).
 *
 *   npx tsx scripts/benchmark-organization-copies.ts [copies, default 60]
 */
import { DEMO_DATASET_PATH, startGithubEmulator } from '../src/local/github-emulator';

const copies = Number(process.argv[2] ?? 60);
const emulator = await startGithubEmulator({ port: 0, datasetPath: DEMO_DATASET_PATH, controls: true });
const times: number[] = [];
for (let index = 1; index <= copies; index += 1) {
  const started = performance.now();
  const response = await fetch(`${emulator.url}/_emulator/organizations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: `bench-${index}`, copyOf: 'techstartup' }),
  });
  if (response.status !== 201) throw new Error(`copy ${index}: ${response.status} ${await response.text()}`);
  times.push(performance.now() - started);
}
const commits = [...emulator.store.commitsByRepo.values()].reduce((sum, list) => sum + list.length, 0);
for (const at of [1, 20, 60].filter((n) => n <= copies)) console.log(`copy ${at}: ${times[at - 1]?.toFixed(0)} ms`);
console.log(`${copies} copies in ${times.reduce((a, b) => a + b, 0).toFixed(0)} ms; ${commits} commits served`);
await emulator.close();

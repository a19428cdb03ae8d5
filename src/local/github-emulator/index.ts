export { DEMO_DATASET_PATH } from './demo-dataset-path';
export { GithubDatasetError } from './errors';
export type { FaultRequest, RecordedRequest, StatsSnapshot } from './controls';
export type { GithubAppOptions } from './github-app';
export type { Delivery } from './webhooks';
export { startGithubEmulator, type GithubEmulator, type GithubEmulatorOptions } from './server';

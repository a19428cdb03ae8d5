import { fileURLToPath } from 'node:url';

/** The shipped demo dataset (the TechStartup story), found from this file so any working directory will do. */
export const DEMO_DATASET_PATH = fileURLToPath(new URL('../../../data/github/demo-dataset.json', import.meta.url));

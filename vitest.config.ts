import { defineConfig } from 'vitest/config';

const STACK_FREE = ['test/unit/**/*.test.ts', 'test/cdk/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: STACK_FREE },
      },
      {
        // Everything else talks to one local stack (emulators + API) started for
        // the run; vitest starts it only when a file of this project is selected.
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts', 'web/test/**/*.test.ts'],
          exclude: STACK_FREE,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});

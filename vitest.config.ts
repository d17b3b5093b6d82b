// Unit and integration tests (Node). Browser end-to-end tests have their own
// config (tests/e2e/vitest.config.ts) because they need the built renderer
// and a Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'build/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'renderer/src/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

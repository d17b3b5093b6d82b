// Browser end-to-end tests: the built renderer in Debian's headless Chromium against
// the real browser-edition host. Files run one after another (each starts hosts and
// a browser; the machine has two cores shared with others).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/testing/build.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

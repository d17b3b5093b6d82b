// Unit and integration tests. Two projects: Node code (electron/, build/, tests/integration)
// and the renderer, whose `.svelte.ts` state classes need the Svelte compiler and Svelte's
// browser runtime (the server one does not track `$state`/`$derived` the same way).
// Browser end-to-end tests have their own config (tests/e2e/vitest.config.ts) because they
// need the built renderer and a Chromium.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'electron/**/*.test.ts',
            'build/**/*.test.ts',
            'tests/integration/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        plugins: [svelte({ configFile: false })],
        resolve: { conditions: ['browser'] },
        test: { name: 'renderer', include: ['renderer/src/**/*.test.ts'] },
      },
    ],
  },
});

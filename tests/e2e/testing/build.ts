// Global setup of the browser tests and the UI benchmark: builds the renderer so the
// tests always exercise the current source, into renderer/dist (what the host serves).
import path from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from './server';

export async function buildRenderer(): Promise<void> {
  await build({
    configFile: path.join(REPO_ROOT, 'renderer/vite.config.ts'),
    logLevel: 'warn',
  });
}

export default async function setup(): Promise<void> {
  if (process.env.HAKUSHO_E2E_SKIP_BUILD !== '1') await buildRenderer();
}

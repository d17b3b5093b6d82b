// @ts-check
// Where the CLI bundle lives and whether it is current: the bundle is older than
// a source it is built from (a checkout being worked on) or missing. Asked by the
// `hakusho` launcher (build/hakusho.mjs) before every run, so it is plain
// JavaScript and costs a walk of file times, no compiling and no hashing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { mtimeOf, newestInputMtime } from './freshness.mjs';

/** The bundle, relative to the project (git-ignored, never shipped in an installer). */
export const CLI_BUNDLE = 'dist-cli/hakusho.cjs';
/** The document importer's worker, built beside the bundle (electron/core/import/worker-client.ts). */
export const CLI_WORKER_BUNDLE = 'dist-cli/import-worker.cjs';

/** What the bundle is built from. */
export const CLI_INPUTS = [
  'electron',
  'package-lock.json',
  'build/bundle-cli.ts',
  'build/bundle-electron.ts',
];

/**
 * Why the bundle must be (re)built, or null when it is current or cannot be built
 * here (no sources beside it).
 * @param {string} root the project folder
 * @returns {'missing' | 'stale' | null}
 */
export function cliBundleOutdated(root) {
  if (!existsSync(path.join(root, 'electron', 'cli', 'main.ts'))) return null;
  const built = mtimeOf(path.join(root, CLI_BUNDLE));
  if (built === null || mtimeOf(path.join(root, CLI_WORKER_BUNDLE)) === null) return 'missing';
  return built < newestInputMtime(root, CLI_INPUTS) ? 'stale' : null;
}

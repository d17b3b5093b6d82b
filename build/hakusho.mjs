#!/usr/bin/env node
// @ts-check
// The `hakusho` command (package.json "bin", and `npm run cli`): runs the CLI
// bundle, dist-cli/hakusho.cjs, rebuilding it first when it is missing or older
// than its sources. Nothing is compiled on an ordinary run, so the command starts
// in about the time Node needs to load one file; the rebuild (esbuild, through
// build/bundle-cli.ts) happens only after a source changed. Where the sources are
// absent, the bundle runs as it is.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_BUNDLE, cliBundleOutdated } from './cli-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdated = cliBundleOutdated(root);
let built = true;
if (outdated !== null) {
  process.stderr.write(`hakusho: building the CLI (${outdated} ${CLI_BUNDLE})…\n`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'build', 'bundle-cli.ts')],
    { cwd: root, stdio: ['ignore', 2, 2] },
  );
  built = run.status === 0;
  if (!built) {
    process.stderr.write('hakusho: could not build the CLI (see above)\n');
    process.exitCode = 1;
  }
}
if (built) {
  /** @type {{ main(argv: string[]): Promise<void> }} */
  const cli = createRequire(import.meta.url)(path.join(root, CLI_BUNDLE));
  await cli.main(process.argv.slice(2));
}

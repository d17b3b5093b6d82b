// `npm run build:cli`: bundles the command-line interface with esbuild into
// dist-cli/hakusho.cjs, one CommonJS file that Node loads without compiling any
// TypeScript (the CLI then starts in a fraction of the time tsx needs). The
// native better-sqlite3 stays external, found in node_modules. Written with the
// core's atomic write, so a CLI started meanwhile never loads half a bundle.
// build/hakusho.mjs (the `hakusho` bin, and `npm run cli`) rebuilds it when any
// source is newer.
import path from 'node:path';
import { build } from 'esbuild';
import { writeFileAtomically } from '../electron/core/files/atomic-write';
import { isMainModule } from '../electron/core/main-module';
import { repoRoot } from '../electron/core/paths';
import { IMPORT_WORKER_BUNDLE } from '../electron/core/import/worker-client';
import { bundleImportWorker, importMetaUrlShim, nodeBundleOptions } from './bundle-electron';
import { CLI_BUNDLE } from './cli-bundle.mjs';

const root = repoRoot();

export async function bundleCli(outfile = path.join(root, CLI_BUNDLE)): Promise<number> {
  const result = await build({
    ...nodeBundleOptions,
    // The Node that runs the CLI (package.json engines), not Electron's.
    target: 'node20',
    entryPoints: [path.join(root, 'electron/cli/main.ts')],
    outfile,
    external: ['better-sqlite3'],
    minify: true,
    sourcemap: 'linked',
    write: false,
    ...importMetaUrlShim,
  });
  // The import worker first: a bundle never starts without the worker beside it.
  await bundleImportWorker(path.join(path.dirname(outfile), IMPORT_WORKER_BUNDLE), 'node20');
  let bytes = 0;
  // The source map first: the bundle that names it never points at a missing one.
  for (const file of [...result.outputFiles].sort((a) => (a.path.endsWith('.map') ? -1 : 1))) {
    writeFileAtomically(file.path, file.contents, { createFolders: true });
    if (file.path === outfile) bytes = file.contents.length;
  }
  return bytes;
}

if (isMainModule(import.meta.url)) {
  bundleCli().then(
    (bytes) => {
      process.stderr.write(`bundled ${CLI_BUNDLE} (${(bytes / 1024).toFixed(1)} KiB)\n`);
    },
    (err: unknown) => {
      process.stderr.write(`build:cli: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

// `npm run build:electron`: bundles the Electron main process and the preload
// with esbuild into dist-electron/main.cjs and dist-electron/preload.cjs
// (package.json "main" points at the first). `electron` and the native
// better-sqlite3 stay external. The preload runs sandboxed, where `require`
// knows only `electron`: the bundle is checked for any other require.
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { API_METHODS } from '../electron/common/api/contract';
import { writeFileAtomically } from '../electron/core/files/atomic-write';
import { IMPORT_WORKER_BUNDLE } from '../electron/core/import/worker-client';
import { isMainModule } from '../electron/core/main-module';
import { repoRoot } from '../electron/core/paths';

const root = repoRoot();

export interface BundleResult {
  main: string;
  preload: string;
  worker: string;
  bytes: { main: number; preload: number; worker: number };
}

/** Modules a sandboxed preload may require (Electron's sandbox shim). */
const SANDBOX_REQUIRES = new Set(['electron']);

export function requiresIn(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '');
}

/** What every Node-side bundle shares (this one and the CLI's, build/bundle-cli.ts). */
export const nodeBundleOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: root,
};

/** Core modules locate files from import.meta.url; a CJS bundle gives them its own. */
export const importMetaUrlShim: Pick<BuildOptions, 'define' | 'banner'> = {
  define: { 'import.meta.url': '__hakusho_import_meta_url' },
  banner: {
    js: "const __hakusho_import_meta_url = require('url').pathToFileURL(__filename).href;",
  },
};

const common: BuildOptions = { ...nodeBundleOptions, target: 'node22' };

/** The main process: core, hosts' shared code, lunr, zod; electron and better-sqlite3 external. */
export async function bundleMain(outfile: string): Promise<void> {
  await build({
    ...common,
    entryPoints: [path.join(root, 'electron/main/index.ts')],
    outfile,
    sourcemap: 'linked',
    external: ['electron', 'better-sqlite3'],
    ...importMetaUrlShim,
  });
}

/**
 * The document importer's worker thread (electron/core/import/worker.ts), beside the
 * bundle that starts it (worker-client's IMPORT_WORKER_BUNDLE): pdf.js is not in it —
 * the importer loads pdfjs-dist's legacy build by path at run time (HAKUSHO_PDFJS_DIR
 * in a packaged app, which ships it in resources/pdfjs) — and better-sqlite3 stays
 * external like everywhere else.
 */
export async function bundleImportWorker(outfile: string, target = 'node22'): Promise<void> {
  const result = await build({
    ...nodeBundleOptions,
    target,
    entryPoints: [path.join(root, 'electron/core/import/worker.ts')],
    outfile,
    external: ['better-sqlite3', 'pdfjs-dist'],
    minify: true,
    write: false,
    ...importMetaUrlShim,
  });
  // Written atomically: a process that starts a worker meanwhile never loads half of one.
  for (const file of result.outputFiles)
    writeFileAtomically(file.path, file.contents, { createFolders: true });
}

/** The sandboxed preload: the contract's method names baked in, only `electron` required. */
export async function bundlePreload(outfile: string): Promise<void> {
  await build({
    ...common,
    entryPoints: [path.join(root, 'electron/preload/index.ts')],
    outfile,
    external: ['electron'],
    minify: true,
    define: { __HAKUSHO_API_METHODS__: JSON.stringify(API_METHODS) },
  });
  const foreign = requiresIn(fs.readFileSync(outfile, 'utf8')).filter(
    (name) => !SANDBOX_REQUIRES.has(name),
  );
  if (foreign.length > 0) {
    throw new Error(
      `the sandboxed preload requires ${foreign.join(', ')}: only electron is available`,
    );
  }
}

export async function bundleElectron(
  outDir = path.join(root, 'dist-electron'),
): Promise<BundleResult> {
  fs.mkdirSync(outDir, { recursive: true });
  const main = path.join(outDir, 'main.cjs');
  const preload = path.join(outDir, 'preload.cjs');
  const worker = path.join(outDir, IMPORT_WORKER_BUNDLE);
  await bundleMain(main);
  await bundlePreload(preload);
  await bundleImportWorker(worker);
  return {
    main,
    preload,
    worker,
    bytes: {
      main: fs.statSync(main).size,
      preload: fs.statSync(preload).size,
      worker: fs.statSync(worker).size,
    },
  };
}

if (isMainModule(import.meta.url)) {
  bundleElectron().then(
    (result) => {
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      process.stderr.write(
        `bundled ${path.relative(root, result.main)} (${kib(result.bytes.main)}), ${path.relative(root, result.preload)} (${kib(result.bytes.preload)}), ${path.relative(root, result.worker)} (${kib(result.bytes.worker)})\n`,
      );
    },
    (err: unknown) => {
      process.stderr.write(`build:electron: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

// `npm run build:electron`: bundles the Electron main process and the preload
// with esbuild into dist-electron/main.cjs and dist-electron/preload.cjs
// (package.json "main" points at the first). `electron` and the native
// better-sqlite3 stay external. The preload runs sandboxed, where `require`
// knows only `electron`: the bundle is checked for any other require.
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { API_METHODS } from '../electron/common/api/contract';
import { isMainModule } from '../electron/core/main-module';
import { repoRoot } from '../electron/core/paths';

const root = repoRoot();

export interface BundleResult {
  main: string;
  preload: string;
  bytes: { main: number; preload: number };
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
  await bundleMain(main);
  await bundlePreload(preload);
  return {
    main,
    preload,
    bytes: { main: fs.statSync(main).size, preload: fs.statSync(preload).size },
  };
}

if (isMainModule(import.meta.url)) {
  bundleElectron().then(
    (result) => {
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      process.stderr.write(
        `bundled ${path.relative(root, result.main)} (${kib(result.bytes.main)}), ${path.relative(root, result.preload)} (${kib(result.bytes.preload)})\n`,
      );
    },
    (err: unknown) => {
      process.stderr.write(`build:electron: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

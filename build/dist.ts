// `npm run dist`: builds the installers of the current platform into release/, on
// a machine with network access (electron-builder downloads Electron, and the
// native rebuild downloads Electron's headers). Steps:
//  1. rebuild the content DB, the renderer and the Electron bundles;
//  2. electron-builder with electron-builder.yml, which rebuilds better-sqlite3 for
//     Electron's ABI (npmRebuild) — the only place this project does that;
//  3. verify every packed app: better-sqlite3 registers Electron's ABI, and the
//     fuses are flipped (RunAsNode, NODE_OPTIONS, --inspect off);
//  4. put back the Node build of better-sqlite3 in node_modules, so `npm test`,
//     the CLI and the browser edition keep working after a release build.
// Targets: `npm run dist` builds for this OS; `npm run dist -- --linux|--win|--mac`
// picks others where the host can (README → Installers).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { isMainModule } from '../electron/core/main-module';
import { repoRoot } from '../electron/core/paths';
import { ensureBuilds } from './build-outputs';
import { iconSetProblems } from './icon-set';
import { describeAbi, electronAbi, moduleAbiVersions } from './native-abi';
import { NATIVE_BINARY } from './ship-rules';

const root = repoRoot();
const releaseDir = path.join(root, 'release');
const nodeBinary = path.join(root, 'node_modules', NATIVE_BINARY);

const PLATFORM_FLAGS: Record<string, string> = {
  linux: '--linux',
  win32: '--win',
  darwin: '--mac',
};

/** electron-builder arguments: the user's platform flags, else this OS. */
export function builderArgs(argv: string[], platform: NodeJS.Platform): string[] {
  const explicit = argv.filter((a) => /^--(linux|win|mac)$/.test(a));
  const rest = argv.filter((a) => !/^--(linux|win|mac)$/.test(a));
  const own = PLATFORM_FLAGS[platform];
  if (explicit.length === 0 && own === undefined)
    throw new Error(`no installer target for ${platform}`);
  return [...(explicit.length > 0 ? explicit : [own!]), '--publish', 'never', ...rest];
}

/**
 * The environment for electron-builder: without npm's `nodedir` (set in ~/.npmrc
 * on some machines), which makes node-gyp build against Node's headers and
 * silently ship a module Electron cannot load.
 */
export function builderEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!/^npm_config_nodedir$/i.test(k)) out[k] = v;
  return out;
}

/** Packed app folders electron-builder left in release/ (…-unpacked, mac*). */
export function packedApps(
  releaseDir: string,
): { dir: string; binary: string; resources: string }[] {
  if (!existsSync(releaseDir)) return [];
  const apps: { dir: string; binary: string; resources: string }[] = [];
  for (const name of readdirSync(releaseDir)) {
    const dir = path.join(releaseDir, name);
    if (!statSync(dir).isDirectory()) continue;
    const bundle = path.join(dir, 'Hakusho Reader.app');
    if (existsSync(bundle)) {
      apps.push({ dir, binary: bundle, resources: path.join(bundle, 'Contents', 'Resources') });
    } else if (existsSync(path.join(dir, 'Hakusho Reader.exe'))) {
      apps.push({
        dir,
        binary: path.join(dir, 'Hakusho Reader.exe'),
        resources: path.join(dir, 'resources'),
      });
    } else if (existsSync(path.join(dir, 'hakusho-reader'))) {
      apps.push({
        dir,
        binary: path.join(dir, 'hakusho-reader'),
        resources: path.join(dir, 'resources'),
      });
    }
  }
  return apps;
}

/**
 * Why the packed apps in a release folder must not be published (empty when they
 * may): better-sqlite3 not built for Electron's ABI, content DB missing, fuses on.
 */
export async function verifyPacked(
  releaseDir: string,
  abi: number,
  log: (line: string) => void = console.log,
): Promise<string[]> {
  const problems: string[] = [];
  const apps = packedApps(releaseDir);
  if (apps.length === 0) problems.push('no packed app found in release/');
  for (const app of apps) {
    const rel = path.relative(path.dirname(releaseDir), app.dir);
    const native = path.join(app.resources, 'app.asar.unpacked', NATIVE_BINARY);
    if (!existsSync(native)) problems.push(`${rel}: ${NATIVE_BINARY} is not unpacked`);
    else {
      const found = moduleAbiVersions(readFileSync(native));
      const line = describeAbi(found, abi, Number(process.versions.modules));
      if (!found.includes(abi)) problems.push(`${rel}: better-sqlite3 ${line}`);
      else log(`dist: ${rel}: better-sqlite3 ${line}`);
    }
    if (!existsSync(path.join(app.resources, 'content.sqlite')))
      problems.push(`${rel}: resources/content.sqlite is missing`);
    let wire: Awaited<ReturnType<typeof getCurrentFuseWire>>;
    try {
      wire = await getCurrentFuseWire(app.binary);
    } catch (err) {
      problems.push(`${rel}: cannot read the fuse wire (${(err as Error).message})`);
      continue;
    }
    const off = [
      FuseV1Options.RunAsNode,
      FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      FuseV1Options.EnableNodeCliInspectArguments,
    ];
    const notOff = off.filter((f) => wire[f] !== FuseState.DISABLE).map((f) => FuseV1Options[f]);
    if (notOff.length > 0) problems.push(`${rel}: fuses still on: ${notOff.join(', ')}`);
    else log(`dist: ${rel}: fuses flipped (RunAsNode, NODE_OPTIONS, --inspect off)`);
  }
  return problems;
}

function restoreNodeBuild(backup: string): void {
  const current = existsSync(nodeBinary) ? moduleAbiVersions(readFileSync(nodeBinary)) : [];
  if (current.includes(Number(process.versions.modules))) return;
  mkdirSync(path.dirname(nodeBinary), { recursive: true });
  copyFileSync(backup, nodeBinary);
  console.log(
    'dist: restored the Node build of better-sqlite3 in node_modules (for tests and the CLI)',
  );
}

async function main(): Promise<number> {
  const args = builderArgs(process.argv.slice(2), process.platform);
  const icons = iconSetProblems(
    (n) => {
      try {
        return readFileSync(path.join(root, 'build', 'icons', n));
      } catch {
        return null;
      }
    },
    readFileSync(path.join(root, 'build', 'icon.svg'), 'utf8'),
  );
  if (icons.length > 0) throw new Error(`icon set: ${icons.join('; ')} (run npm run icons)`);

  for (const line of ensureBuilds(root, { always: true, verbose: true }))
    console.log(`dist: ${line}`);

  const abi = electronAbi(root);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hakusho-dist-'));
  const backup = path.join(tmp, 'better_sqlite3.node');
  copyFileSync(nodeBinary, backup);
  try {
    rmSync(releaseDir, { recursive: true, force: true });
    console.log(
      `dist: electron-builder ${args.join(' ')} (native rebuild for Electron ABI ${abi})`,
    );
    const res = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'electron-builder', 'cli.js'), ...args],
      { cwd: root, stdio: 'inherit', env: builderEnv(process.env) },
    );
    if (res.status !== 0) {
      console.error(
        'dist: electron-builder failed. It needs network access (Electron download, Electron headers for the better-sqlite3 rebuild); for NSIS on Linux it needs wine, for dmg macOS.',
      );
      return 1;
    }
    const problems = await verifyPacked(releaseDir, abi);
    if (problems.length > 0) {
      console.error(`dist: the packed apps must not be published:\n  ${problems.join('\n  ')}`);
      return 1;
    }
    for (const name of readdirSync(releaseDir).filter((n) => /\.(AppImage|deb|exe|dmg)$/.test(n))) {
      const mb = (statSync(path.join(releaseDir, name)).size / 1e6).toFixed(1);
      console.log(`dist: release/${name} (${mb} MB)`);
    }
    return 0;
  } finally {
    restoreNodeBuild(backup);
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (isMainModule(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`dist: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}

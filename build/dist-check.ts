// `npm run dist:check` (part of `npm test`, offline, downloads nothing): proves the
// installer configuration is valid and shows what an installer would ship.
//  1. electron-builder.yml against electron-builder's own schema
//     (app-builder-lib validateConfiguration) and the project rules (config-rules);
//  2. the committed icon set is complete and current;
//  3. the content DB, renderer and Electron bundles exist and are fresh (built
//     through their npm scripts otherwise);
//  4. `electron-builder --linux dir` against a stub electronDist (a folder with a
//     stub `electron` and a `version` file) with npmRebuild=false, into a temp dir;
//  5. the packed app: app.asar contents, app.asar.unpacked, resources/ (ship-rules),
//     the shipped content DB, the afterPack hook's report, the native module's ABI.
// The stub is not Electron: the afterPack hook runs but does not flip fuses in it
// (it says so), and the native module is the Node build — the report says both.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  closeSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFile, getRawHeader } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { FuseV1Options } from '@electron/fuses';
import { artifactBuilders } from '../electron/core/content/artifacts';
import { isMainModule } from '../electron/core/main-module';
import { repoRoot } from '../electron/core/paths';
import { ensureBuilds } from './build-outputs';
import { configProblems } from './config-rules';
import { checkContentDb } from './content-db-check';
import { iconSetProblems } from './icon-set';
import { describeAbi, electronAbi, moduleAbiVersions } from './native-abi';
import { CONTENT_DB_RESOURCE, NATIVE_BINARY, checkPackedApp } from './ship-rules';
import type { AsarEntry, CheckResult, PackedApp } from './ship-rules';

const root = repoRoot();
const CONFIG_FILE = 'electron-builder.yml';

interface AsarNode {
  files?: Record<string, AsarNode>;
  unpacked?: boolean;
  link?: string;
}

/** Every file in an asar header, with its unpacked flag. */
export function asarEntries(node: AsarNode, prefix = ''): AsarEntry[] {
  const out: AsarEntry[] = [];
  for (const [name, child] of Object.entries(node.files ?? {})) {
    const p = prefix ? `${prefix}/${name}` : name;
    if (child.files) out.push(...asarEntries(child, p));
    else out.push({ path: p, unpacked: child.unpacked === true });
  }
  return out;
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}

function readHeader(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    readSync(fd, buf, 0, bytes, 0);
    return buf;
  } finally {
    closeSync(fd);
  }
}

async function checkConfig(): Promise<CheckResult[]> {
  const config = await getConfig(root, path.join(root, CONFIG_FILE), null);
  const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<
    typeof validateConfiguration
  >[1];
  try {
    await validateConfiguration(config, quietLogger);
  } catch (err) {
    return [
      {
        level: 'fail',
        name: 'config schema',
        detail: (err as Error).message.split('\n  How to fix')[0]!,
      },
    ];
  }
  const results: CheckResult[] = [
    {
      level: 'pass',
      name: 'config schema',
      detail: `${CONFIG_FILE} valid (app-builder-lib validateConfiguration)`,
    },
  ];
  const problems = configProblems(
    config,
    (rel) => existsSync(path.join(root, rel)),
    (rel) => {
      try {
        return readFileSync(path.join(root, rel), 'utf8');
      } catch {
        return null;
      }
    },
  );
  results.push(
    problems.length > 0
      ? { level: 'fail', name: 'config rules', detail: problems.join('; ') }
      : {
          level: 'pass',
          name: 'config rules',
          detail:
            'AppImage, deb, NSIS, dmg; content DB in resources; *.node unpacked; afterPack fuses; NSIS per-machine, .node signed; macOS entitlements: allow-jit only (library validation on)',
        },
  );
  return results;
}

function checkIcons(): CheckResult {
  const dir = path.join(root, 'build', 'icons');
  const problems = iconSetProblems(
    (name) => {
      try {
        return readFileSync(path.join(dir, name));
      } catch {
        return null;
      }
    },
    readFileSync(path.join(root, 'build', 'icon.svg'), 'utf8'),
  );
  return problems.length > 0
    ? { level: 'fail', name: 'icons', detail: `${problems.join('; ')} (run npm run icons)` }
    : {
        level: 'pass',
        name: 'icons',
        detail: 'build/icons: PNG 16–1024, .ico, .icns, current with build/icon.svg',
      };
}

function makeStubElectron(dir: string, version: string): void {
  const stub = path.join(dir, 'electron');
  writeFileSync(
    stub,
    '#!/bin/sh\necho "Hakusho Reader dist:check stub: not an Electron binary" >&2\nexit 1\n',
  );
  chmodSync(stub, 0o755);
  writeFileSync(path.join(dir, 'version'), version);
  writeFileSync(path.join(dir, 'LICENSE'), 'dist:check stub\n');
}

function packLinuxDir(
  stubDir: string,
  outDir: string,
  hookReport: string,
): { ok: boolean; log: string } {
  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  const env = {
    ...process.env,
    HAKUSHO_DIST_CHECK_STUB: '1',
    HAKUSHO_DIST_CHECK_REPORT: hookReport,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  };
  const res = spawnSync(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      '--publish',
      'never',
      '--projectDir',
      root,
      '--config',
      CONFIG_FILE,
      `-c.electronDist=${stubDir}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${outDir}`,
    ],
    { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const log = `${res.stdout ?? ''}${res.stderr ?? ''}${res.error ? String(res.error) : ''}`;
  return { ok: res.status === 0, log };
}

function checkHookReport(file: string): CheckResult[] {
  if (!existsSync(file))
    return [
      {
        level: 'fail',
        name: 'afterPack hook',
        detail: 'did not run: electron-builder.yml afterPack is not wired',
      },
    ];
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    flipped: boolean;
    binary: string;
    fuses: Record<string, unknown>;
  };
  const want: [FuseV1Options, boolean][] = [
    [FuseV1Options.RunAsNode, false],
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
    [FuseV1Options.EnableNodeCliInspectArguments, false],
    [FuseV1Options.OnlyLoadAppFromAsar, true],
    [FuseV1Options.GrantFileProtocolExtraPrivileges, false],
  ];
  const wrong = want
    .filter(([fuse, value]) => report.fuses[String(fuse)] !== value)
    .map(([fuse]) => FuseV1Options[fuse]);
  const results: CheckResult[] = [
    wrong.length > 0
      ? {
          level: 'fail',
          name: 'afterPack hook',
          detail: `ran, but would leave ${wrong.join(', ')} as is`,
        }
      : {
          level: 'pass',
          name: 'afterPack hook',
          detail:
            'wired and ran: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges off, app only from asar; content DB made read-only',
        },
  ];
  results.push(
    report.flipped
      ? { level: 'info', name: 'fuses', detail: `flipped in ${path.basename(report.binary)}` }
      : {
          level: 'info',
          name: 'fuses',
          detail:
            'NOT flipped here: the packed binary is the dist:check stub, not Electron (npm run dist flips them in the real binary)',
        },
  );
  return results;
}

function inspectPacked(appOutDir: string): CheckResult[] {
  const resources = path.join(appOutDir, 'resources');
  const asarPath = path.join(resources, 'app.asar');
  if (!existsSync(asarPath))
    return [{ level: 'fail', name: 'app.asar', detail: `${asarPath} was not produced` }];
  const { header } = getRawHeader(asarPath) as unknown as { header: AsarNode };
  const unpackedDir = path.join(resources, 'app.asar.unpacked');
  const app: PackedApp = {
    asar: asarEntries(header),
    unpackedFiles: listFiles(unpackedDir),
    resourceFiles: listFiles(resources).filter(
      (f) => f !== 'app.asar' && !f.startsWith('app.asar.unpacked/'),
    ),
    readText: (p) => {
      try {
        return extractFile(asarPath, p).toString('utf8');
      } catch {
        return null;
      }
    },
  };
  const results = checkPackedApp(app);
  const dbFile = path.join(resources, CONTENT_DB_RESOURCE);
  if (existsSync(dbFile))
    results.push(
      ...checkContentDb(
        dbFile,
        readHeader(dbFile, 100),
        artifactBuilders.map((b) => ({ name: b.name, version: b.version })),
      ),
    );
  const native = path.join(unpackedDir, NATIVE_BINARY);
  if (existsSync(native)) {
    const abi = describeAbi(
      moduleAbiVersions(readFileSync(native)),
      electronAbi(root),
      Number(process.versions.modules),
    );
    results.push({
      level: 'info',
      name: 'native module ABI',
      detail: `${abi}. Offline the Node build ships (npmRebuild=false); npm run dist rebuilds it for Electron and verifies the ABI. This check cannot prove it.`,
    });
  }
  const size = app.asar.length;
  const bytes = statSync(asarPath).size;
  results.push({
    level: 'info',
    name: 'size',
    detail: `app.asar ${(bytes / 1e6).toFixed(1)} MB, ${size} files; ${app.unpackedFiles.length} unpacked; resources: ${resourceSummary(app.resourceFiles)}`,
  });
  return results;
}

/** resources/ in one line: top-level files by name, folders with their file count. */
export function resourceSummary(files: readonly string[]): string {
  const folders = new Map<string, number>();
  const loose: string[] = [];
  for (const file of files) {
    const slash = file.indexOf('/');
    if (slash === -1) loose.push(file);
    else folders.set(file.slice(0, slash), (folders.get(file.slice(0, slash)) ?? 0) + 1);
  }
  return [...loose, ...[...folders].map(([dir, n]) => `${dir}/ (${n} files)`)].join(', ');
}

const MARK: Record<CheckResult['level'], string> = { pass: '✓', fail: '✗', warn: '!', info: 'i' };

function printReport(results: CheckResult[]): void {
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) console.log(`  ${MARK[r.level]} ${r.name.padEnd(width)}  ${r.detail}`);
}

async function main(): Promise<number> {
  const started = Date.now();
  const electronVersion = (
    JSON.parse(
      readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
    ) as { version: string }
  ).version;
  console.log(
    `dist:check: what the Linux installer would ship (offline; stub Electron ${electronVersion})`,
  );
  const results: CheckResult[] = [...(await checkConfig()), checkIcons()];

  try {
    for (const line of ensureBuilds(root, { always: false }))
      results.push({ level: 'pass', name: 'build outputs', detail: line });
  } catch (err) {
    results.push({ level: 'fail', name: 'build outputs', detail: (err as Error).message });
    printReport(results);
    console.log('dist:check: FAILED before packing (build outputs missing)');
    return 1;
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hakusho-dist-check-'));
  try {
    const stubDir = path.join(tmp, 'electron-stub');
    const outDir = path.join(tmp, 'out');
    const hookReport = path.join(tmp, 'after-pack.json');
    mkdirSync(stubDir);
    makeStubElectron(stubDir, electronVersion);
    const packed = packLinuxDir(stubDir, outDir, hookReport);
    if (!packed.ok) {
      results.push({
        level: 'fail',
        name: 'electron-builder --linux dir',
        detail: `failed:\n${packed.log
          .trim()
          .split('\n')
          .slice(-25)
          .map((l) => `      ${l}`)
          .join('\n')}`,
      });
    } else {
      const hookLine = packed.log.split('\n').find((l) => l.includes('afterPack:'));
      results.push({
        level: 'pass',
        name: 'electron-builder --linux dir',
        detail: `packed against the stub, npmRebuild=false${hookLine ? '' : ' (no afterPack output seen)'}`,
      });
      results.push(...checkHookReport(hookReport));
      results.push(...inspectPacked(path.join(outDir, 'linux-unpacked')));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  printReport(results);
  const failed = results.filter((r) => r.level === 'fail').length;
  const warned = results.filter((r) => r.level === 'warn').length;
  const passed = results.filter((r) => r.level === 'pass').length;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `dist:check: ${failed > 0 ? 'FAILED' : 'ok'}: ${passed} passed, ${failed} failed, ${warned} warnings (${secs} s)`,
  );
  return failed > 0 ? 1 : 0;
}

if (isMainModule(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`dist:check: ${err instanceof Error ? err.stack : String(err)}`);
      process.exit(1);
    },
  );
}

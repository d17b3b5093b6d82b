// The Electron build of better-sqlite3 that `npm start` hands to the desktop app.
// node_modules/better-sqlite3 holds the Node build, which the tests, the CLI and
// the browser edition need and which Electron cannot load; rebuilding it in place
// would break them. So a separate copy is made once per Electron version (and
// better-sqlite3 version, platform, arch) in .cache/electron-native/ (git-ignored):
// better-sqlite3's prebuilt binary for Electron when one is published, else a
// node-gyp compile against Electron's headers — both inside a temp copy of the
// package, never in node_modules — and its ABI is read back before it is used.
import { runNodeScript } from './run-node-script';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { moduleAbiVersions } from './native-abi';
import { copyFileAtomically } from '../electron/core/files/atomic-write';

export interface NativeTarget {
  electronVersion: string;
  /** NODE_MODULE_VERSION of that Electron (node_modules/electron/abi_version). */
  abi: number;
  sqliteVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}

export type NativeResult = { ok: true; file: string } | { ok: false; reason: string };

export interface StepResult {
  ok: boolean;
  output: string;
}

/** Runs one build step (a Node script) and reports whether it exited 0, with its output. */
export type StepRunner = (
  script: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; label: string },
) => Promise<StepResult>;

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
const PREBUILT_TIMEOUT_MS = 2 * 60_000;
const COMPILE_TIMEOUT_MS = 15 * 60_000;
/** What the temp copy needs to build (not build/, which holds the Node build). */
const PACKAGE_PARTS = ['package.json', 'binding.gyp', 'src', 'deps', 'lib'];

/** Where the copy for one target lives in a checkout. */
export function nativeCacheFile(root: string, t: NativeTarget): string {
  return path.join(
    root,
    '.cache',
    'electron-native',
    t.electronVersion,
    `${t.platform}-${t.arch}-better-sqlite3-${t.sqliteVersion}`,
    'better_sqlite3.node',
  );
}

/** Reads the target from the installed electron and better-sqlite3 packages. */
export function nativeTarget(
  root: string,
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): NativeTarget {
  const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
  const electron = JSON.parse(read('node_modules/electron/package.json')) as { version: string };
  const sqlite = JSON.parse(read('node_modules/better-sqlite3/package.json')) as {
    version: string;
  };
  const abiText = read('node_modules/electron/abi_version').trim();
  if (!/^\d+$/.test(abiText))
    throw new Error(`node_modules/electron/abi_version holds "${abiText}", not an ABI number`);
  return {
    electronVersion: electron.version,
    abi: Number(abiText),
    sqliteVersion: sqlite.version,
    platform,
    arch,
  };
}

/** Null when `file` is a module registered for `abi`; else why it cannot be used. */
export function abiProblem(file: string, abi: number): string | null {
  let found: number[];
  try {
    found = moduleAbiVersions(fs.readFileSync(file));
  } catch (err) {
    return `cannot read ${file} (${err instanceof Error ? err.message : String(err)})`;
  }
  if (found.includes(abi)) return null;
  return `it registers ABI ${found.join(', ') || 'none'}, not Electron's ${abi}`;
}

/**
 * The environment for the build tools: npm's `nodedir` removed (some machines set
 * nodedir=/usr in ~/.npmrc, and npm exports it to scripts), since with it node-gyp
 * silently compiles against Node's headers instead of Electron's.
 */
export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!/^npm_config_nodedir$/i.test(k)) out[k] = v;
  return out;
}

/** The prebuild-install and node-gyp command lines for one target (run in the temp copy). */
export function buildCommands(t: NativeTarget): { prebuilt: string[]; compile: string[] } {
  return {
    prebuilt: [
      '--runtime',
      'electron',
      '--target',
      t.electronVersion,
      '--arch',
      t.arch,
      '--platform',
      t.platform,
    ],
    compile: [
      'rebuild',
      '--release',
      `--target=${t.electronVersion}`,
      `--arch=${t.arch}`,
      `--dist-url=${ELECTRON_HEADERS_URL}`,
      '--runtime=electron',
    ],
  };
}

/** The runner `npm start` uses: output kept (last 64 KiB), a progress line every 15 s. */
export function spawnStep(log: (line: string) => void): StepRunner {
  return (script, args, { cwd, env, timeoutMs, label }) =>
    runNodeScript(script, args, {
      cwd,
      env,
      timeoutMs,
      keepBytes: 65_536,
      tickMs: 15_000,
      onTick: (seconds) => log(`  ${label}: still working (${seconds} s)`),
    }).then((end): StepResult => {
      if (end.kind === 'timeout')
        return { ok: false, output: `${end.output}\ntimed out after ${timeoutMs / 1000} s` };
      if (end.kind === 'error') return { ok: false, output: `${end.output}\n${end.message}` };
      return { ok: end.code === 0, output: end.output };
    });
}

/** The most telling line of a failed step's output (an error, not a stack frame). */
export function stepFailureLine(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^at\s/.test(l));
  const line =
    [...lines].reverse().find((l) => /timed out/i.test(l)) ??
    lines.find((l) =>
      /\b(err!?|error|fail(ed)?|cannot|unable|not found|404|ENOTFOUND)\b/i.test(l),
    ) ??
    lines.at(-1) ??
    'no output';
  const text = line
    .replace(/^(gyp|prebuild-install)\s+(ERR!|WARN|info)\s+(install\s+|stack\s+)?/i, '')
    .replace(/^(?:[A-Z]\w*)?Error:\s*/, '');
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

export interface BuildOptions {
  root: string;
  target: NativeTarget;
  log: (line: string) => void;
  run: StepRunner;
  env?: NodeJS.ProcessEnv;
  /** Where the scripts are (defaults: resolved from the checkout). */
  prebuildInstall?: string;
  nodeGyp?: string;
}

function resolveScript(from: string, request: string): string | null {
  try {
    return createRequire(from).resolve(request);
  } catch {
    return null;
  }
}

/**
 * The cached copy for `target` when it is there and registers Electron's ABI;
 * otherwise builds it (prebuilt binary, else compile), checks its ABI and
 * stores it. Never writes inside node_modules.
 */
export async function ensureElectronNative(options: BuildOptions): Promise<NativeResult> {
  const { root, target, log, run } = options;
  const cached = nativeCacheFile(root, target);
  if (fs.existsSync(cached)) {
    const problem = abiProblem(cached, target.abi);
    if (!problem) return { ok: true, file: cached };
    log(`the cached Electron build of better-sqlite3 is unusable (${problem}); rebuilding it`);
    fs.rmSync(cached, { force: true });
  }
  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  if (!fs.existsSync(path.join(sqliteDir, 'package.json')))
    return { ok: false, reason: 'better-sqlite3 is not installed' };
  const env = buildEnv(options.env ?? process.env);
  const prebuildInstall =
    options.prebuildInstall ??
    resolveScript(path.join(sqliteDir, 'package.json'), 'prebuild-install/bin.js');
  const nodeGyp =
    options.nodeGyp ??
    resolveScript(path.join(root, 'package.json'), 'node-gyp/bin/node-gyp.js') ??
    env.npm_config_node_gyp ??
    null;
  const commands = buildCommands(target);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-electron-native-'));
  const work = path.join(tmp, 'better-sqlite3');
  const product = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  const logs: string[] = [];
  const failures: string[] = [];
  try {
    fs.mkdirSync(work);
    for (const part of PACKAGE_PARTS) {
      const from = path.join(sqliteDir, part);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(work, part), { recursive: true });
    }
    const label = `better-sqlite3 ${target.sqliteVersion} for Electron ${target.electronVersion} (${target.platform}-${target.arch})`;

    /** Runs one way of getting the module; true when it produced one with Electron's ABI. */
    const attempt = async (
      tool: string,
      args: string[],
      timeoutMs: number,
      name: string,
      failed: string,
      unusable: string,
    ): Promise<boolean> => {
      const step = await run(tool, args, { cwd: work, env, timeoutMs, label: name });
      logs.push(`$ ${name} ${args.join(' ')}\n${step.output}`);
      const problem = step.ok ? abiProblem(product, target.abi) : null;
      if (!step.ok) failures.push(`${failed} (${stepFailureLine(step.output)})`);
      else if (problem) failures.push(`${unusable}: ${problem}`);
      return step.ok && problem === null;
    };

    let built = false;
    if (prebuildInstall) {
      log(`fetching the prebuilt ${label} (once)…`);
      built = await attempt(
        prebuildInstall,
        commands.prebuilt,
        PREBUILT_TIMEOUT_MS,
        'prebuild-install',
        'no prebuilt binary',
        'the prebuilt binary is unusable',
      );
    } else failures.push('prebuild-install is not installed');

    if (!built) {
      fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
      if (nodeGyp) {
        log(`compiling ${label} against Electron's headers (once; a few minutes)…`);
        built = await attempt(
          nodeGyp,
          commands.compile,
          COMPILE_TIMEOUT_MS,
          'node-gyp',
          'compiling failed',
          'the compiled module is unusable',
        );
      } else failures.push('node-gyp is not installed');
    }

    if (!built) {
      const logFile = path.join(path.dirname(cached), 'build.log');
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      fs.writeFileSync(logFile, logs.join('\n\n'));
      return {
        ok: false,
        reason: `${failures.join('; ')} — log: ${path.relative(root, logFile)}`,
      };
    }
    // Into place atomically: a half-copied file never looks like a cached build.
    copyFileAtomically(product, cached, { createFolders: true });
    fs.rmSync(path.join(path.dirname(cached), 'build.log'), { force: true });
    log(`built ${path.relative(root, cached)}`);
    return { ok: true, file: cached };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

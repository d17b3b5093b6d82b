// The three builds an installer packs (content DB, renderer, Electron bundles):
// which npm script makes each, what it reads and writes, and whether an existing
// output is still fresh. `npm run dist:check` runs in every `npm test`, so it
// rebuilds only what is missing or older than its inputs; `npm run dist` always
// rebuilds everything.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { newestInputMtime } from './freshness.mjs';
import { npmHere } from './npm-command';

export { ignoredInput, newestInputMtime } from './freshness.mjs';

export interface BuildStep {
  script: 'build:content' | 'build:renderer' | 'build:electron';
  /** Files the script writes (relative to the project). */
  outputs: string[];
  /** Files or folders whose changes make the outputs stale. */
  inputs: string[];
  /** Who provides the script, for the "not implemented yet" message. */
  providedBy: string;
}

export const BUILD_STEPS: BuildStep[] = [
  {
    script: 'build:content',
    outputs: ['data/content.sqlite'],
    inputs: [
      'data/sources',
      'data/curation',
      'electron/core/ingest',
      'electron/core/content',
      'electron/core/search',
      'electron/common',
    ],
    providedBy: 'the content builder (electron/cli build-content)',
  },
  {
    script: 'build:renderer',
    outputs: ['renderer/dist/index.html'],
    inputs: ['renderer', 'electron/common', 'package-lock.json'],
    providedBy: 'the renderer (renderer/vite.config.ts)',
  },
  {
    script: 'build:electron',
    outputs: [
      'dist-electron/main.cjs',
      'dist-electron/preload.cjs',
      'dist-electron/import-worker.cjs',
    ],
    inputs: ['electron', 'build/bundle-electron.ts', 'package-lock.json'],
    providedBy: 'the desktop app (build/bundle-electron.ts)',
  },
];

export type Freshness =
  { state: 'fresh' } | { state: 'missing'; file: string } | { state: 'stale'; file: string };

/** Whether a step's outputs exist and are at least as new as its inputs. */
export function freshness(
  outputs: { file: string; mtimeMs: number | null }[],
  newestInput: number,
): Freshness {
  const missing = outputs.find((o) => o.mtimeMs === null);
  if (missing) return { state: 'missing', file: missing.file };
  const stale = outputs.find((o) => (o.mtimeMs as number) < newestInput);
  if (stale) return { state: 'stale', file: stale.file };
  return { state: 'fresh' };
}

export function stepFreshness(root: string, step: BuildStep): Freshness {
  const outputs = step.outputs.map((file) => {
    try {
      return { file, mtimeMs: statSync(path.join(root, file)).mtimeMs };
    } catch {
      return { file, mtimeMs: null };
    }
  });
  return freshness(outputs, newestInputMtime(root, step.inputs));
}

/**
 * Why an npm script cannot run yet (undeclared, or the file it points at does
 * not exist), or null when it can.
 */
export function scriptUnavailable(
  script: string,
  scripts: Record<string, string>,
  exists: (rel: string) => boolean,
): string | null {
  const command = scripts[script];
  if (command === undefined) return `package.json declares no "${script}" script`;
  const files = [...command.matchAll(/(?:^|\s)(?:tsx|node|--config)\s+(\S+\.[cm]?[jt]s)\b/g)].map(
    (m) => m[1]!,
  );
  const missing = files.filter((f) => !exists(f));
  if (missing.length > 0)
    return `"${script}" runs ${command}, but ${missing.join(', ')} does not exist yet`;
  return null;
}

/**
 * Runs an npm script. Its output is kept and shown (the last lines) only when it
 * fails, so a passing `npm test` stays readable; `verbose` streams it instead.
 */
export function runScript(root: string, script: string, verbose = false): void {
  const started = Date.now();
  console.error(`dist: npm run ${script} …`);
  const npm = npmHere(['run', '--silent', script], existsSync);
  const res = spawnSync(npm.command, npm.args, {
    cwd: root,
    stdio: verbose ? ['ignore', process.stderr, process.stderr] : ['ignore', 'pipe', 'pipe'],
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) throw new Error(`npm run ${script} could not start: ${res.error.message}`);
  if (res.status !== 0) {
    const tail = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim().split('\n').slice(-20);
    throw new Error(
      `npm run ${script} failed (exit ${res.status})${tail.length > 0 && tail[0] !== '' ? `:\n${tail.map((l) => `      ${l}`).join('\n')}` : ''}`,
    );
  }
  console.error(`dist: npm run ${script} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Makes sure every step's outputs exist, running the scripts whose outputs are
 * missing or stale (or all of them when `always`). Returns one line per step.
 */
export function ensureBuilds(root: string, opts: { always: boolean; verbose?: boolean }): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const lines: string[] = [];
  for (const step of BUILD_STEPS) {
    const state = stepFreshness(root, step);
    if (!opts.always && state.state === 'fresh') {
      lines.push(`${step.script}: up to date (${step.outputs.join(', ')})`);
      continue;
    }
    const why = scriptUnavailable(step.script, pkg.scripts ?? {}, (rel) =>
      existsSync(path.join(root, rel)),
    );
    const reason = opts.always
      ? 'release build'
      : `${state.state === 'missing' ? 'missing' : 'stale'} ${'file' in state ? state.file : ''}`;
    if (why !== null) {
      throw new Error(
        `cannot build ${step.outputs.join(', ')} (${reason}): ${why}. It is provided by ${step.providedBy}.`,
      );
    }
    runScript(root, step.script, opts.verbose ?? false);
    const after = stepFreshness(root, step);
    if (after.state === 'missing')
      throw new Error(`npm run ${step.script} succeeded but did not write ${after.file}`);
    lines.push(`${step.script}: rebuilt (${reason.trim()})`);
  }
  return lines;
}

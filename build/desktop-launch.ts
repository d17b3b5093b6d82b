// What `npm start` opens, decided step by step with every effect passed in (so
// each branch is tested with stubs): the desktop app when it can run here —
// fetching the Electron runtime and building the Electron copy of better-sqlite3
// once when they are missing — else the browser edition, with one reason.
// Cheap refusals come first: without a display nothing is downloaded or built.
import type { NativeResult } from './electron-native';
import type { Outcome } from './electron-install';
import type { RuntimeCheck } from './electron-runtime';

export type LaunchPlan =
  { kind: 'desktop'; binary: string; sqliteBinding: string } | { kind: 'browser'; reason: string };

export interface LaunchSteps {
  electronVersion: string;
  browserRequested: boolean;
  displayProblem(): string | null;
  /** Where the Electron binary is, without downloading it. */
  findBinary(): RuntimeCheck;
  /** Null when Electron's own installer may fetch the binary; else why not. */
  installBlocked(): string | null;
  installRuntime(): Promise<Outcome>;
  /** The Electron copy of better-sqlite3: cached, else built and ABI-checked. */
  ensureNative(): Promise<NativeResult>;
  log(line: string): void;
}

/** A step that throws counts as a failed step, with its message as the reason. */
async function settle<T>(
  step: () => Promise<T | { ok: false; reason: string }>,
): Promise<T | { ok: false; reason: string }> {
  try {
    return await step();
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

export async function planLaunch(steps: LaunchSteps): Promise<LaunchPlan> {
  const browser = (reason: string): LaunchPlan => ({ kind: 'browser', reason });
  if (steps.browserRequested) return browser('the browser edition was asked for (--browser)');
  const display = steps.displayProblem();
  if (display) return browser(display);

  let runtime = steps.findBinary();
  if (!runtime.ok) {
    const blocked = steps.installBlocked();
    if (blocked)
      return browser(`the Electron runtime is unavailable: ${runtime.reason} (${blocked})`);
    steps.log(
      `npm start: downloading the Electron ${steps.electronVersion} runtime (about 100 MB, once; node_modules/electron/install.js)…`,
    );
    const installed = await settle(() => steps.installRuntime());
    if (!installed.ok) {
      return browser(
        `the Electron runtime is unavailable: downloading Electron ${steps.electronVersion} failed (${installed.reason}); run \`npm start\` once with network access to fetch it`,
      );
    }
    runtime = steps.findBinary();
    if (!runtime.ok)
      return browser(
        `the Electron runtime is unavailable: the installer ran but ${runtime.reason}`,
      );
  }

  const native = await settle(() => steps.ensureNative());
  if (!native.ok) {
    return browser(
      `the Electron build of the SQLite module (better-sqlite3) is unavailable: ${native.reason}`,
    );
  }
  return { kind: 'desktop', binary: runtime.binary, sqliteBinding: native.file };
}

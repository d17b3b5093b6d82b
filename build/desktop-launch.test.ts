// npm start's decisions with stubbed steps: which steps run, in which order, and
// the one reason given when the desktop app cannot open.
import { describe, expect, it } from 'vitest';
import { planLaunch, type LaunchSteps } from './desktop-launch';
import type { NativeResult } from './electron-native';
import type { Outcome } from './electron-install';
import type { RuntimeCheck } from './electron-runtime';

const BINARY = '/repo/node_modules/electron/dist/electron';
const NATIVE =
  '/repo/.cache/electron-native/45.5.0/linux-x64-better-sqlite3-12.11.1/better_sqlite3.node';

interface Stubs {
  browser?: boolean;
  display?: string | null;
  /** findBinary answers, in order (the last repeats). */
  binary?: RuntimeCheck[];
  blocked?: string | null;
  install?: Outcome | Error;
  native?: NativeResult | Error;
}

function steps(stubs: Stubs): { steps: LaunchSteps; calls: string[]; logs: string[] } {
  const calls: string[] = [];
  const logs: string[] = [];
  const answers = stubs.binary ?? [{ ok: true, binary: BINARY }];
  let finds = 0;
  return {
    calls,
    logs,
    steps: {
      electronVersion: '45.5.0',
      browserRequested: stubs.browser ?? false,
      displayProblem: () => {
        calls.push('display');
        return stubs.display ?? null;
      },
      findBinary: () => {
        calls.push('findBinary');
        return answers[Math.min(finds++, answers.length - 1)]!;
      },
      installBlocked: () => {
        calls.push('installBlocked');
        return stubs.blocked ?? null;
      },
      installRuntime: () => {
        calls.push('install');
        const r = stubs.install ?? { ok: true };
        return r instanceof Error ? Promise.reject(r) : Promise.resolve(r);
      },
      ensureNative: () => {
        calls.push('native');
        const r = stubs.native ?? { ok: true, file: NATIVE };
        return r instanceof Error ? Promise.reject(r) : Promise.resolve(r);
      },
      log: (line) => logs.push(line),
    },
  };
}

const missing: RuntimeCheck = { ok: false, reason: 'the Electron binary was never downloaded' };
const present: RuntimeCheck = { ok: true, binary: BINARY };

describe('planLaunch', () => {
  it('opens the desktop app with the Electron copy of better-sqlite3 when everything is there', async () => {
    const s = steps({});
    expect(await planLaunch(s.steps)).toEqual({
      kind: 'desktop',
      binary: BINARY,
      sqliteBinding: NATIVE,
    });
    expect(s.calls).toEqual(['display', 'findBinary', 'native']);
  });

  it('--browser: nothing is checked, fetched or built', async () => {
    const s = steps({ browser: true });
    expect(await planLaunch(s.steps)).toEqual({
      kind: 'browser',
      reason: 'the browser edition was asked for (--browser)',
    });
    expect(s.calls).toEqual([]);
  });

  it('no display: falls back without trying any download or build', async () => {
    const s = steps({ display: 'there is no display', binary: [missing] });
    expect(await planLaunch(s.steps)).toEqual({ kind: 'browser', reason: 'there is no display' });
    expect(s.calls).toEqual(['display']);
  });

  it('binary missing → installer tried → fails (offline) → one reason, browser edition', async () => {
    const s = steps({ binary: [missing], install: { ok: false, reason: 'fetch failed' } });
    const plan = await planLaunch(s.steps);
    expect(plan.kind).toBe('browser');
    if (plan.kind === 'browser') {
      expect(plan.reason).toBe(
        'the Electron runtime is unavailable: downloading Electron 45.5.0 failed (fetch failed); run `npm start` once with network access to fetch it',
      );
      expect(plan.reason).not.toContain('\n');
    }
    expect(s.calls).toEqual(['display', 'findBinary', 'installBlocked', 'install']);
    expect(s.logs.join('\n')).toMatch(
      /downloading the Electron 45\.5\.0 runtime \(about 100 MB, once/,
    );
  });

  it('an installer that throws counts as failed, with its message', async () => {
    const s = steps({ binary: [missing], install: new Error('spawn EACCES') });
    const plan = await planLaunch(s.steps);
    expect(plan).toMatchObject({ kind: 'browser' });
    if (plan.kind === 'browser') expect(plan.reason).toContain('(spawn EACCES)');
  });

  it('binary missing → installed → found → native copy built → desktop', async () => {
    const s = steps({ binary: [missing, present] });
    expect(await planLaunch(s.steps)).toMatchObject({ kind: 'desktop', binary: BINARY });
    expect(s.calls).toEqual([
      'display',
      'findBinary',
      'installBlocked',
      'install',
      'findBinary',
      'native',
    ]);
  });

  it('an installer that succeeds without leaving a binary is reported', async () => {
    const s = steps({
      binary: [missing, { ok: false, reason: 'the Electron binary is missing (/x)' }],
    });
    expect(await planLaunch(s.steps)).toEqual({
      kind: 'browser',
      reason:
        'the Electron runtime is unavailable: the installer ran but the Electron binary is missing (/x)',
    });
    expect(s.calls).not.toContain('native');
  });

  it('does not run the installer where it cannot help (ELECTRON_OVERRIDE_DIST_PATH)', async () => {
    const s = steps({ binary: [missing], blocked: 'ELECTRON_OVERRIDE_DIST_PATH is set' });
    const plan = await planLaunch(s.steps);
    expect(plan).toEqual({
      kind: 'browser',
      reason:
        'the Electron runtime is unavailable: the Electron binary was never downloaded (ELECTRON_OVERRIDE_DIST_PATH is set)',
    });
    expect(s.calls).not.toContain('install');
  });

  it('binary present + native copy missing → the build is tried; its failure is the reason', async () => {
    const s = steps({
      native: { ok: false, reason: 'no prebuilt binary (404); compiling failed (gyp: No Xcode)' },
    });
    expect(await planLaunch(s.steps)).toEqual({
      kind: 'browser',
      reason:
        'the Electron build of the SQLite module (better-sqlite3) is unavailable: no prebuilt binary (404); compiling failed (gyp: No Xcode)',
    });
    expect(s.calls).toEqual(['display', 'findBinary', 'native']);
  });

  it('ABI mismatch of the built copy → refuses it and falls back', async () => {
    const s = steps({
      native: {
        ok: false,
        reason: "the compiled module is unusable: it registers ABI 115, not Electron's 150",
      },
    });
    const plan = await planLaunch(s.steps);
    expect(plan.kind).toBe('browser');
    if (plan.kind === 'browser') expect(plan.reason).toContain("ABI 115, not Electron's 150");
  });

  it('a native build that throws counts as failed', async () => {
    const s = steps({ native: new Error('ENOSPC: no space left on device') });
    const plan = await planLaunch(s.steps);
    expect(plan.kind).toBe('browser');
    if (plan.kind === 'browser') expect(plan.reason).toContain('ENOSPC');
  });
});

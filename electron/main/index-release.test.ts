// The Electron lifecycle (index.ts) as a release run, against the recording
// stand-in (testing/electron-stand-in.ts). The run is the hardest case: an
// installed app binary renamed `electron`, for which Electron reports
// app.isPackaged false (it decides from the executable's name alone) and which
// Electron's default app did not start (no process.defaultApp). It must honour
// none of the development hand-overs, open no devtools, register the scheme as an
// installed app, and refuse to start with a debugging switch.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { API_CHANNEL } from '../common/api/channel';
import { ensureContentDb } from '../core/content/ensure';
import { createElectronStandIn, type ElectronStandIn } from './testing/electron-stand-in';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-main-release-'));
const exe = '/opt/Hakusho Reader/electron';

/** Imports a fresh copy of index.ts against a fresh stand-in, with this argv. */
async function launch(
  argv: string[],
  options: { switches?: string[]; defaultApp?: boolean } = {},
): Promise<ElectronStandIn> {
  vi.resetModules();
  const electron = createElectronStandIn({
    appPath: path.join(dir, 'resources', 'app.asar'),
    userData: path.join(dir, 'user'),
    isPackaged: false,
    ...(options.switches ? { switches: options.switches } : {}),
  });
  vi.doMock('electron', () => electron.module);
  const saved = process.argv;
  process.argv = argv;
  if (options.defaultApp)
    Object.defineProperty(process, 'defaultApp', { value: true, configurable: true });
  try {
    await import('./index');
  } finally {
    process.argv = saved;
    delete (process as { defaultApp?: boolean }).defaultApp;
  }
  return electron;
}

const resources = path.join(dir, 'resources');
const hostileDb = path.join(dir, 'elsewhere', 'content.sqlite');
let release: ElectronStandIn;
let sqliteNativeBinding: () => string | null;

beforeAll(async () => {
  fs.mkdirSync(path.join(resources, 'app.asar', 'renderer', 'dist'), { recursive: true });
  fs.writeFileSync(
    path.join(resources, 'app.asar', 'renderer', 'dist', 'index.html'),
    '<title>白書</title>',
  );
  ensureContentDb({
    dbPath: path.join(resources, 'content.sqlite'),
    log: () => {},
    builders: [],
  });
  Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true });
  // What an attacker would set: native code of their own (here a loadable copy of the
  // Node build, so that honouring it would go unnoticed but for the check), another
  // content database.
  const evil = path.join(dir, 'evil.node');
  fs.copyFileSync(
    path.join(
      createRequire(import.meta.url).resolve('better-sqlite3/package.json'),
      '..',
      'build',
      'Release',
      'better_sqlite3.node',
    ),
    evil,
  );
  vi.stubEnv('HAKUSHO_SQLITE_BINDING', evil);
  vi.stubEnv('HAKUSHO_CONTENT_DB', hostileDb);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  release = await launch([exe, '--register-scheme']);
  sqliteNativeBinding = (await import('../core/sqlite')).sqliteNativeBinding;
  release.becomeReady();
  // Started (a window) or failed (an error box, e.g. loading the hostile module).
  await vi.waitFor(() =>
    expect(release.state.windows.length + release.state.errorBoxes.length).toBeGreaterThan(0),
  );
});

afterAll(() => {
  (release.state.appHandlers.get('will-quit') as (() => void) | undefined)?.();
  delete (process as { resourcesPath?: string }).resourcesPath;
  vi.doUnmock('electron');
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

function menuRoles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? menuRoles(item.submenu) : []),
  ]);
}

describe('release run of a binary Electron calls unpackaged', () => {
  it('starts without an error', () => {
    expect(release.state.errorBoxes).toEqual([]);
    expect(release.state.exitCodes).toEqual([]);
    expect(release.state.windows[0]?.url).toBe('app://reader/index.html');
  });

  it('loads the default SQLite module, never the one HAKUSHO_SQLITE_BINDING names', () => {
    expect(sqliteNativeBinding()).toBeNull();
  });

  it('reads the content database from resources/, never HAKUSHO_CONTENT_DB', async () => {
    const frame = release.state.windows[0]!.webContents.mainFrame;
    const reply = (await (
      release.state.ipcHandlers.get(API_CHANNEL) as (...a: unknown[]) => Promise<unknown>
    )({ senderFrame: frame, sender: release.state.windows[0]!.webContents }, 'getToc', {})) as {
      ok: boolean;
      result: { id: string }[];
    };
    expect(reply.ok).toBe(true);
    expect(reply.result.map((e) => e.id)).toContain('us-3');
    expect(fs.existsSync(hostileDb)).toBe(false);
  });

  it('has no devtools: not in the window, not in the menu, and devtools: requests refused', () => {
    const options = release.state.windows[0]!.options as {
      webPreferences: Record<string, unknown>;
    };
    expect(options.webPreferences.devTools).toBe(false);
    const roles = menuRoles(release.state.menu as MenuItemConstructorOptions[]);
    expect(roles).toContain('zoomIn');
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(release.state.session.cancels('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(release.state.session.cancels('app://reader/index.html')).toBe(false);
  });

  it('registers hakusho-reader:// as an installed app (the scheme alone)', () => {
    expect(release.state.protocolClients).toEqual([['hakusho-reader']]);
  });

  it('keeps the network off like any run', () => {
    expect(release.state.session.spellChecker).toBe(false);
    expect(release.state.appendedSwitches.map((s) => s.name)).toEqual(['host-resolver-rules']);
    expect(release.state.hostResolver).toHaveLength(1);
  });
});

describe('debugging switches', () => {
  it('stop a release run before it sets anything up', async () => {
    for (const arg of [
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--js-flags=--allow-natives-syntax',
    ]) {
      const run = await launch([exe, arg]);
      expect(run.state.exitCodes, arg).toEqual([1]);
      expect(run.state.errorBoxes[0]?.[1], arg).toContain(arg.split('=')[0]);
      expect(run.state.privileged, arg).toEqual([]);
      expect(run.state.lockRequested, arg).toBe(false);
      expect([...run.state.appHandlers.keys()], arg).toEqual([]);
      expect(run.state.awaitsReady, arg).toBe(false);
    }
  });

  it('stop it when only Chromium’s parse of the command line shows them', async () => {
    const run = await launch([exe], { switches: ['remote-debugging-port'] });
    expect(run.state.exitCodes).toEqual([1]);
    expect(run.state.lockRequested).toBe(false);
  });

  it('are a developer’s choice in a development run', async () => {
    const run = await launch([exe, '.', '--remote-debugging-port=9222'], { defaultApp: true });
    expect(run.state.exitCodes).toEqual([]);
    expect(run.state.lockRequested).toBe(true);
  });
});

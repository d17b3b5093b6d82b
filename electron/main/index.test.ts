// The Electron lifecycle (index.ts) in a development run (`electron .` from
// npm start) against a recording stand-in for the `electron` module
// (testing/electron-stand-in.ts, which emits navigation events in Electron's
// order): the real binary cannot run here, but the wiring can be exercised —
// what gets registered before `ready`, the app:// protocol and its CSP, the
// session lockdown, the IPC binding with its sender check, the window and its
// guards, the menu, single-instance focus and the clean close of user.sqlite.
// index-release.test.ts runs it as an installed app. What this cannot show
// (Chromium actually honouring these) is listed in the README.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL } from '../common/api/channel';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { ensureContentDb } from '../core/content/ensure';
import { sqliteNativeBinding } from '../core/sqlite';
import { createElectronStandIn, type ElectronStandIn } from './testing/electron-stand-in';

let dir: string;
let electron: ElectronStandIn;
let state: ElectronStandIn['state'];
const nodeSqliteBuild = path.join(
  createRequire(import.meta.url).resolve('better-sqlite3/package.json'),
  '..',
  'build',
  'Release',
  'better_sqlite3.node',
);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-main-'));
  electron = createElectronStandIn({
    appPath: path.join(dir, 'app'),
    userData: path.join(dir, 'user'),
    isPackaged: false,
  });
  state = electron.state;
  const appPath = path.join(dir, 'app');
  fs.mkdirSync(path.join(appPath, 'renderer', 'dist'), { recursive: true });
  fs.writeFileSync(path.join(appPath, 'renderer', 'dist', 'index.html'), '<title>白書</title>');
  fs.writeFileSync(path.join(appPath, 'secret.txt'), 'SECRET');
  const contentDb = path.join(dir, 'content.sqlite');
  ensureContentDb({ dbPath: contentDb, log: () => {}, builders: [] });
  vi.stubEnv('HAKUSHO_CONTENT_DB', contentDb);
  // What npm start hands over: an Electron build of better-sqlite3 (here a copy of the Node build).
  fs.copyFileSync(nodeSqliteBuild, path.join(dir, 'better_sqlite3.node'));
  vi.stubEnv('HAKUSHO_SQLITE_BINDING', path.join(dir, 'better_sqlite3.node'));
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.doMock('electron', () => electron.module);
  // Started as `electron .` (Electron's default app sets process.defaultApp), by a
  // deep link (Windows/Linux put it in argv).
  const argv = process.argv;
  process.argv = [argv[0]!, '.', 'hakusho-reader://section/us-3?annotation=an-first'];
  Object.defineProperty(process, 'defaultApp', { value: true, configurable: true });
  try {
    await import('./index');
  } finally {
    process.argv = argv;
  }
  expect(state.windows).toHaveLength(0);
  // macOS may send open-url before ready: a hostile one is dropped, not queued.
  const early = { preventDefault: vi.fn() };
  (state.appHandlers.get('open-url') as (e: unknown, url: string) => void)(
    early,
    'hakusho-reader://section/../../etc/passwd',
  );
  expect(early.preventDefault).toHaveBeenCalled();
  electron.becomeReady();
  await vi.waitFor(() =>
    expect(state.windows[0]?.url).toBe('app://reader/index.html#/section/us-3?annotation=an-first'),
  );
});

afterAll(() => {
  (state.appHandlers.get('will-quit') as (() => void) | undefined)?.();
  delete (process as { defaultApp?: boolean }).defaultApp;
  vi.doUnmock('electron');
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('before ready', () => {
  it('registers app:// as a standard secure scheme and enables the sandbox', () => {
    expect(state.privileged).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(state.sandboxEnabled).toBe(true);
  });

  it('leaves hakusho-reader:// to an installed copy (no --register-scheme)', () => {
    expect(state.lockRequested).toBe(true);
    expect(state.protocolClients).toEqual([]);
  });

  it('turns host resolution off before ready (DNS prefetch, preconnect)', () => {
    expect(state.appendedSwitches).toEqual([
      { name: 'host-resolver-rules', value: 'MAP * ~NOTFOUND', beforeReady: true },
    ]);
    expect(state.hostResolver).toEqual([
      { enableBuiltInResolver: false, secureDnsMode: 'off', enableAdditionalDnsQueryTypes: false },
    ]);
    expect(state.exitCodes).toEqual([]);
  });
});

describe('deep links', () => {
  const openUrl = (url: string) => {
    const event = { preventDefault: vi.fn() };
    (state.appHandlers.get('open-url') as (e: unknown, url: string) => void)(event, url);
    return event;
  };
  const secondInstance = (argv: string[]) =>
    (state.appHandlers.get('second-instance') as (e: unknown, argv: string[]) => void)({}, argv);

  it('opens a link from macOS (open-url) in the window and focuses it', () => {
    const window = state.windows[0]!;
    const focused = window.focused;
    const event = openUrl('hakusho-reader://section/canada?annotation=an-2');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.url).toBe('app://reader/index.html#/section/canada?annotation=an-2');
    expect(window.focused).toBeGreaterThan(focused);
  });

  it('opens a link handed over by a second launch (Windows/Linux)', () => {
    const window = state.windows[0]!;
    secondInstance([
      '/opt/Hakusho Reader/hakusho-reader',
      '--flag',
      'hakusho-reader://section/us-4',
    ]);
    expect(window.url).toBe('app://reader/index.html#/section/us-4');
  });

  it('never navigates for a link that does not parse, but still focuses', () => {
    const window = state.windows[0]!;
    const before = window.url;
    const focused = window.focused;
    for (const url of [
      'hakusho-reader://section/us-3%2F..%2Fx',
      'HAKUSHO-READER://section/us-3',
      'hakusho-reader://section/us-3?annotation=a&b=c',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ]) {
      openUrl(url);
      secondInstance(['exe', url]);
    }
    expect(window.url).toBe(before);
    expect(window.focused).toBeGreaterThan(focused);
  });
});

describe('app:// protocol', () => {
  const get = (url: string) => state.protocolHandlers.get('app')!(new Request(url));

  it('serves the renderer build with the CSP', async () => {
    const reply = await get('app://reader/index.html');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await reply.text()).toContain('白書');
    expect((await get('app://reader/')).status).toBe(200);
  });

  it('serves nothing outside it, nor for another host', async () => {
    for (const url of [
      'app://reader/../secret.txt',
      'app://reader/%2e%2e/secret.txt',
      'app://reader/..%2fsecret.txt',
      'app://reader/index.html%00',
      'app://other/index.html',
    ]) {
      const reply = await get(url);
      expect(reply.status, url).toBe(404);
      expect(await reply.text()).not.toContain('SECRET');
    }
  });
});

describe('session', () => {
  it('blocks every request but app:// (and devtools: in a development run)', () => {
    const session = state.session;
    expect(session.cancels('app://reader/assets/a.js')).toBe(false);
    expect(session.cancels('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(session.cancels('https://www.meti.go.jp/')).toBe(true);
    expect(session.cancels('http://127.0.0.1:8080/')).toBe(true);
    expect(session.cancels('file:///etc/passwd')).toBe(true);
  });

  it('turns the spell checker off (it would download dictionaries)', () => {
    expect(state.session.spellChecker).toBe(false);
  });

  it('denies permissions, devices and every download but the export files', () => {
    let granted: boolean | undefined;
    (state.session.permissionRequest as (...a: unknown[]) => void)(
      {},
      'media',
      (g: boolean) => (granted = g),
      { requestingUrl: 'app://reader/index.html' },
    );
    expect(granted).toBe(false);
    expect(
      (state.session.permissionCheck as (...a: unknown[]) => boolean)(
        {},
        'notifications',
        'app://reader',
      ),
    ).toBe(false);
    expect((state.session.device as () => boolean)()).toBe(false);
    const onDownload = (e: { preventDefault(): void }, item: { getURL(): string }) =>
      state.session.emit('will-download', e, item);
    const refused = { preventDefault: vi.fn() };
    onDownload(refused, { getURL: () => 'https://example.com/installer.exe' });
    expect(refused.preventDefault).toHaveBeenCalled();
    // The reader's own export file (a blob the renderer made) goes to the save dialog.
    const exported = { preventDefault: vi.fn() };
    onDownload(exported, {
      getURL: () => 'blob:app://reader/0b8f6c2e-3a1d-4c55-9d1e-6f2a7b9c0d11',
    });
    expect(exported.preventDefault).not.toHaveBeenCalled();
  });
});

describe('IPC', () => {
  const call = (
    frame: { url: string; parent: unknown; isDestroyed(): boolean } | null,
    method: string,
    args: unknown,
  ) => {
    const contents = state.windows[0]!.webContents;
    return (state.ipcHandlers.get(API_CHANNEL) as (...a: unknown[]) => Promise<unknown>)(
      { senderFrame: frame, sender: contents },
      method,
      args,
    );
  };

  it('answers the window through the contract', async () => {
    const frame = state.windows[0]!.webContents.mainFrame;
    const reply = (await call(frame, 'getToc', {})) as { ok: boolean; result: { id: string }[] };
    expect(reply.ok).toBe(true);
    expect(reply.result.map((e) => e.id)).toContain('us-3');
    expect(await call(frame, 'setPrefs', { language: 'en' })).toMatchObject({ ok: true });
    expect(await call(frame, 'toggleBookmark', { sectionId: 'us-3' })).toMatchObject({
      ok: true,
      result: { bookmarked: true },
    });
    const labels = (state.menu as { label: string }[]).map((m) => m.label);
    expect(labels).toContain('Go');
  });

  it('refuses any other frame', async () => {
    const other = { url: 'https://attacker.example/', parent: null, isDestroyed: () => false };
    expect(await call(other, 'getToc', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(null, 'getToc', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('window', () => {
  it('is created with the preload bundle, sandboxed', () => {
    const options = state.windows[0]!.options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(String(options.webPreferences.preload)).toMatch(/preload\.cjs$/);
  });

  it('has devtools (a development run)', () => {
    const options = state.windows[0]!.options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences.devTools).toBe(true);
  });

  it('guards its web contents once, also when Electron reports them as created', () => {
    const contents = state.windows[0]!.webContents;
    const events = ['will-frame-navigate', 'will-navigate', 'will-redirect', 'will-attach-webview'];
    const counts = () => events.map((e) => contents.listenerCount(e));
    expect(counts()).toEqual([1, 1, 1, 1]);
    (state.appHandlers.get('web-contents-created') as (e: unknown, c: unknown) => void)(
      {},
      contents,
    );
    expect(counts()).toEqual([1, 1, 1, 1]);
  });

  it('sends a clicked http(s) link to the system browser once, and stays put', () => {
    const contents = state.windows[0]!.webContents;
    state.opened.length = 0;
    // Electron: will-frame-navigate is prevented, so will-navigate is never emitted.
    expect(contents.pageNavigates('https://www.meti.go.jp/')).toEqual({
      emitted: ['will-frame-navigate'],
      cancelled: true,
    });
    expect(state.opened).toEqual(['https://www.meti.go.jp/']);
  });

  it('lets in-app navigation through both events', () => {
    const contents = state.windows[0]!.webContents;
    state.opened.length = 0;
    expect(contents.pageNavigates('app://reader/index.html#/section/us-3')).toEqual({
      emitted: ['will-frame-navigate', 'will-navigate'],
      cancelled: false,
    });
    expect(state.opened).toEqual([]);
  });

  it('refuses every other navigation, and never opens it', () => {
    const contents = state.windows[0]!.webContents;
    state.opened.length = 0;
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'https://user:pw@example.com/',
      'app://reader.attacker.com/',
      'hakusho-reader://section/us-3',
    ]) {
      expect(contents.pageNavigates(url), url).toEqual({
        emitted: ['will-frame-navigate'],
        cancelled: true,
      });
    }
    expect(state.opened).toEqual([]);
  });

  it('never lets a sub-frame open the browser or leave the app', () => {
    const contents = state.windows[0]!.webContents;
    state.opened.length = 0;
    expect(contents.pageNavigates('https://www.meti.go.jp/', { isMainFrame: false })).toEqual({
      emitted: ['will-frame-navigate'],
      cancelled: true,
    });
    expect(state.opened).toEqual([]);
  });

  it('refuses a redirect out of the app without opening it', () => {
    const contents = state.windows[0]!.webContents;
    state.opened.length = 0;
    expect(contents.redirects('https://www.meti.go.jp/').cancelled).toBe(true);
    expect(contents.redirects('file:///etc/passwd').cancelled).toBe(true);
    expect(contents.redirects('app://reader/index.html').cancelled).toBe(false);
    expect(state.opened).toEqual([]);
  });

  it('denies new windows (an http(s) one opens in the browser) and webviews', () => {
    const contents = state.windows[0]!.webContents;
    state.opened.length = 0;
    const open = contents.windowOpen as (d: { url: string }) => unknown;
    expect(open({ url: 'app://reader/index.html' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://www.meti.go.jp/' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://www.meti.go.jp/']);
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('remembers its bounds on close and is focused by a second launch', () => {
    const window = state.windows[0]!;
    window.emit('close');
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'user', 'window-state.json'), 'utf8'));
    expect(saved).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: false,
      fullScreen: false,
    });
    const focused = window.focused;
    (state.appHandlers.get('second-instance') as () => void)();
    expect(window.focused).toBe(focused + 1);
  });

  it('stores user.sqlite in the user-data folder', () => {
    expect(fs.existsSync(path.join(dir, 'user', 'user.sqlite'))).toBe(true);
  });
});

describe('SQLite native module', () => {
  it('opens every database through the module npm start handed over', () => {
    expect(sqliteNativeBinding()).toBe(path.join(dir, 'better_sqlite3.node'));
    const addon = createRequire(dir)(path.join(dir, 'better_sqlite3.node')) as {
      isInitialized?: boolean;
    };
    expect(addon.isInitialized).toBe(true);
  });
});

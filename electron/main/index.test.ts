// The Electron lifecycle (index.ts) run against a recording stand-in for the
// `electron` module: the real binary cannot run here, but the wiring can be
// exercised — what gets registered before `ready`, the app:// protocol and its
// CSP, the session lockdown, the IPC binding with its sender check, the window
// and its guards, the menu, single-instance focus and the clean close of
// user.sqlite. What this cannot show (Chromium actually honouring these) is
// listed in the README.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL } from '../common/api/channel';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { ensureContentDb } from '../core/content/ensure';

type Fn = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    appPath: '',
    userData: '',
    appHandlers: new Map<string, Fn>(),
    protocolHandlers: new Map<string, (r: Request) => Response | Promise<Response>>(),
    privileged: [] as unknown[],
    ipcHandlers: new Map<string, Fn>(),
    menu: null as unknown,
    sandboxEnabled: false,
    protocolClients: [] as unknown[][],
    windows: [] as FakeWindow[],
    opened: [] as string[],
    session: {
      beforeRequest: null as null | Fn,
      permissionRequest: null as null | Fn,
      permissionCheck: null as null | Fn,
      device: null as null | Fn,
      events: new Map<string, Fn>(),
    },
    resolveReady: (() => {}) as () => void,
  };
  class FakeContents {
    events = new Map<string, Fn>();
    windowOpen: Fn | null = null;
    mainFrame = { url: 'app://reader/index.html', parent: null, isDestroyed: () => false };
    navigationHistory = {
      canGoBack: () => false,
      canGoForward: () => false,
      goBack: () => {},
      goForward: () => {},
    };
    registrations = 0;
    on(event: string, fn: Fn) {
      this.registrations += 1;
      this.events.set(event, fn);
      return this;
    }
    setWindowOpenHandler(fn: Fn) {
      this.registrations += 1;
      this.windowOpen = fn;
    }
  }
  class FakeWindow {
    options: Record<string, unknown>;
    webContents = new FakeContents();
    url = '';
    focused = 0;
    events = new Map<string, Fn>();
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    once(event: string, fn: Fn) {
      this.events.set(event, fn);
    }
    on(event: string, fn: Fn) {
      this.events.set(event, fn);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isMinimized = () => false;
    restore() {}
    show() {}
    focus() {
      this.focused += 1;
    }
    maximize() {}
    setFullScreen() {}
    isDestroyed = () => false;
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
  }
  return { state, FakeWindow };
});

vi.mock('electron', () => {
  const { state, FakeWindow } = fake;
  const ready = new Promise<void>((resolve) => {
    state.resolveReady = resolve;
  });
  return {
    app: {
      enableSandbox: () => {
        state.sandboxEnabled = true;
      },
      setPath: () => {},
      getPath: () => state.userData,
      getAppPath: () => state.appPath,
      getVersion: () => '0.1.0',
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      setAsDefaultProtocolClient: (...args: unknown[]) => {
        state.protocolClients.push(args);
        return true;
      },
      on: (event: string, fn: Fn) => state.appHandlers.set(event, fn),
      whenReady: () => ready,
      quit: () => {},
      exit: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, fn: (r: Request) => Response) =>
        state.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        webRequest: {
          onBeforeRequest: (fn: Fn) => {
            state.session.beforeRequest = fn;
          },
        },
        setPermissionRequestHandler: (fn: Fn) => {
          state.session.permissionRequest = fn;
        },
        setPermissionCheckHandler: (fn: Fn) => {
          state.session.permissionCheck = fn;
        },
        setDevicePermissionHandler: (fn: Fn) => {
          state.session.device = fn;
        },
        on: (event: string, fn: Fn) => state.session.events.set(event, fn),
      },
    },
    ipcMain: {
      handle: (channel: string, fn: Fn) => state.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menu = menu;
      },
    },
    nativeTheme: { shouldUseDarkColors: false },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1440, height: 900 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1440, height: 900 } }],
    },
    dialog: { showErrorBox: () => {}, showMessageBox: async () => ({ response: 0 }) },
    shell: {
      openExternal: async (url: string) => {
        state.opened.push(url);
      },
    },
    BrowserWindow: FakeWindow,
  };
});

const { state } = fake;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-main-'));
  state.appPath = path.join(dir, 'app');
  state.userData = path.join(dir, 'user');
  fs.mkdirSync(path.join(state.appPath, 'renderer', 'dist'), { recursive: true });
  fs.writeFileSync(
    path.join(state.appPath, 'renderer', 'dist', 'index.html'),
    '<title>白書</title>',
  );
  fs.writeFileSync(path.join(state.appPath, 'secret.txt'), 'SECRET');
  const contentDb = path.join(dir, 'content.sqlite');
  ensureContentDb({ dbPath: contentDb, log: () => {}, builders: [] });
  vi.stubEnv('HAKUSHO_CONTENT_DB', contentDb);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  // Launched by a deep link (Windows/Linux put it in argv).
  const argv = process.argv;
  process.argv = [...argv, 'hakusho-reader://section/us-3?annotation=an-first'];
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
  state.resolveReady();
  await vi.waitFor(() =>
    expect(state.windows[0]?.url).toBe('app://reader/index.html#/section/us-3?annotation=an-first'),
  );
});

afterAll(() => {
  (state.appHandlers.get('will-quit') as (() => void) | undefined)?.();
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

  it('registers itself for hakusho-reader:// links', () => {
    expect(state.protocolClients.length).toBe(1);
    expect(state.protocolClients[0]![0]).toBe('hakusho-reader');
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
  it('blocks every request but app://', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      (
        state.session.beforeRequest as (
          d: { url: string },
          cb: (r: { cancel: boolean }) => void,
        ) => void
      )({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://reader/assets/a.js')).toBe(false);
    expect(decide('https://www.meti.go.jp/')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
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
    const onDownload = state.session.events.get('will-download') as (
      e: { preventDefault(): void },
      item: { getURL(): string },
    ) => void;
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

  it('guards its web contents once, also when Electron reports them as created', () => {
    const contents = state.windows[0]!.webContents;
    const before = contents.registrations;
    (state.appHandlers.get('web-contents-created') as (e: unknown, c: unknown) => void)(
      {},
      contents,
    );
    expect(contents.registrations).toBe(before);
    expect(contents.registrations).toBeGreaterThan(0);
  });

  it('keeps navigation in the app and sends http(s) links to the browser', () => {
    const contents = state.windows[0]!.webContents;
    const navigate = contents.events.get('will-navigate') as (
      e: { preventDefault(): void },
      url: string,
    ) => void;
    for (const [url, prevented, opened] of [
      ['app://reader/index.html#x', false, null],
      ['https://www.meti.go.jp/', true, 'https://www.meti.go.jp/'],
      ['javascript:alert(1)', true, null],
      ['file:///etc/passwd', true, null],
    ] as const) {
      state.opened.length = 0;
      const event = { preventDefault: vi.fn() };
      navigate(event, url);
      expect(event.preventDefault.mock.calls.length > 0, url).toBe(prevented);
      expect(state.opened).toEqual(opened ? [opened] : []);
    }
    expect(
      (contents.windowOpen as (d: { url: string }) => unknown)({ url: 'app://reader/index.html' }),
    ).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    (contents.events.get('will-attach-webview') as (e: typeof attach) => void)(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('remembers its bounds on close and is focused by a second launch', () => {
    const window = state.windows[0]!;
    (window.events.get('close') as () => void)();
    const saved = JSON.parse(
      fs.readFileSync(path.join(state.userData, 'window-state.json'), 'utf8'),
    );
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
    expect(fs.existsSync(path.join(state.userData, 'user.sqlite'))).toBe(true);
  });
});

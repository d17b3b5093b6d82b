// Electron main process: lifecycle only. Every decision is made by a tested
// pure module — security.ts (what may load, navigate, be opened or call IPC),
// run-mode.ts (development or release run, and what a release run refuses),
// window-state.ts, menu.ts, ipc-dispatch.ts — and every answer by the core
// (reader-core.ts, the same handlers as the browser edition and the CLI).
// What is left here is the wiring that only the Electron runtime can execute;
// the README lists it under "what CI does not exercise".
import path from 'node:path';
import fs from 'node:fs';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
} from 'electron';
import { invoke, type ApiHandlers } from '../common/api/contract';
import type { Language } from '../common/api/types';
import { defaultContentDbPath, PRODUCT_NAME, userDataOverride } from '../core/paths';
import { PDFJS_DIR_ENV, PDFJS_RESOURCE } from '../core/import/pdf/pdfjs';
import { openReaderCore, type ReaderCore } from '../core/reader-core';
import { openRendererFiles, type RendererFiles } from '../core/renderer-files';
import { startPage } from '../core/start-page';
import { PAPER_COLORS } from '../common/rules/colors';
import { resolveTheme } from '../common/rules/prefs';
import { setSqliteNativeBinding } from '../core/sqlite';
import { coreOpeners } from '../core/wiring';
import { parseDeepLink } from '../common/deep-link';
import { appUrlForRoute, DeepLinkInbox, deepLinkFromArgv, protocolClientArgs } from './deep-links';
import { bindContract } from './ipc';
import { aboutText, buildMenuTemplate } from './menu';
import { isDevelopmentRun, startRefusal } from './run-mode';
import {
  APP_CSP,
  APP_HOST,
  APP_SCHEME,
  decidePermission,
  HOST_RESOLVER_OPTIONS,
  HOST_RESOLVER_RULES,
  isAllowedDownload,
  isAllowedRequest,
} from './security';
import { sqliteBindingFor } from './sqlite-binding';
import { createMainWindow, guardWebContents } from './window';
import { loadWindowState, restoreBounds, saveWindowState, type WindowState } from './window-state';

// Development run (`electron .` from npm start) or release run: not app.isPackaged,
// which Electron decides from the executable's name alone (run-mode.ts).
const development = isDevelopmentRun({
  defaultApp: process.defaultApp,
  isPackaged: app.isPackaged,
});

/** `--user-data DIR` (or `--user-data=DIR`) on the command line. */
function userDataFlag(argv: string[]): string | undefined {
  const at = argv.indexOf('--user-data');
  if (at !== -1 && argv[at + 1]) return argv[at + 1];
  const inline = argv.find((a) => a.startsWith('--user-data='));
  return inline ? inline.slice('--user-data='.length) : undefined;
}

/** Release run: resources/content.sqlite. Development run: data/ (or CONTENT_DB_ENV). */
function contentDbPath(): string {
  if (!development) return path.join(process.resourcesPath, 'content.sqlite');
  return defaultContentDbPath(app.getAppPath());
}

let mainWindow: BrowserWindow | null = null;
let core: ReaderCore | null = null;
let override: string | undefined;

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

// Deep links (hakusho-reader://section/…): parsed by deep-links.ts, held until the window
// exists, then shown by navigating it to the route's in-app URL.
const deepLinks = new DeepLinkInbox();

// A release run started with a debugging switch stops here: before Chromium starts
// its debugging server (after this script has run) and before anything is set up.
const refusal = startRefusal(development, process.argv, process.platform, (name) =>
  app.commandLine.hasSwitch(name),
);
if (refusal) {
  // Safe before `ready` (on Linux it writes to stderr then).
  dialog.showErrorBox(PRODUCT_NAME, refusal);
  app.exit(1);
} else {
  boot();
}

/** What must happen before `ready`, then `start` once it comes. */
function boot(): void {
  // app:// behaves like an https origin ('self' in the CSP, fetch, relative URLs),
  // and nothing else is privileged.
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
  app.enableSandbox();
  // No host name resolves (DNS prefetch, preconnect): read by Chromium's network service.
  app.commandLine.appendSwitch('host-resolver-rules', HOST_RESOLVER_RULES);

  // The flag or the user-data variable moves all the app's data.
  override = userDataOverride(userDataFlag(process.argv));
  if (override) app.setPath('userData', override);

  // macOS sends the link as an event, also the one that launched the app (before `ready`).
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deepLinks.receive(parseDeepLink(url));
    focusMainWindow();
  });

  if (!app.requestSingleInstanceLock()) {
    // A second launch hands over to the first (which focuses its window) and exits.
    app.quit();
    return;
  }
  // Windows and Linux: the link is in the command line — this one, or a second launch's.
  deepLinks.receive(deepLinkFromArgv(process.argv));
  const client = protocolClientArgs({
    development,
    execPath: process.execPath,
    argv: process.argv,
    ...(override ? { userDataDir: app.getPath('userData') } : {}),
  });
  if (client?.length === 1) app.setAsDefaultProtocolClient(client[0]);
  else if (client) app.setAsDefaultProtocolClient(...client);
  app.on('second-instance', (_event, argv) => {
    deepLinks.receive(deepLinkFromArgv(argv));
    focusMainWindow();
  });
  // One window is the whole app: closing it quits, on macOS too (nothing would
  // be left to show, and user.sqlite is closed cleanly at once).
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fail(err));
}

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox(PRODUCT_NAME, `${PRODUCT_NAME} could not start:\n${message}`);
  app.exit(1);
}

/**
 * The app:// protocol: files of the renderer build only, each with the CSP. The index
 * page says the reader's theme and language (core/start-page.ts), read when it is asked
 * for: its first paint, before the app's script has run, is in the reader's colours.
 */
function serveRenderer(files: RendererFiles, handlers: ApiHandlers): void {
  const index = files.resolve('/')?.file;
  protocol.handle(APP_SCHEME, async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('bad request', { status: 400 });
    }
    if (url.host !== APP_HOST || request.method !== 'GET') {
      return new Response('not found', { status: 404 });
    }
    const rawPath = request.url.slice(`${APP_SCHEME}://${APP_HOST}`.length).split(/[?#]/)[0] ?? '';
    const hit = files.resolve(rawPath === '' ? '/' : rawPath);
    if (!hit) return new Response('not found', { status: 404 });
    let body: Buffer | string = fs.readFileSync(hit.file);
    if (hit.file === index) {
      const prefs = await invoke(handlers, 'getPrefs', {}).catch(() => null);
      if (prefs) body = startPage(body.toString('utf8'), prefs);
    }
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': hit.mime,
        'Content-Security-Policy': APP_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    });
  });
}

/** No network and no permissions, for the default session and any other. */
function lockDownSession(target: Electron.Session): void {
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, { devTools: development }) });
  });
  // Hunspell dictionaries would be downloaded on first use (Windows and Linux).
  target.setSpellCheckerEnabled(false);
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl));
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin),
  );
  target.setDevicePermissionHandler(() => false);
  // Export files (blob:app://…) go to the system save dialog; nothing else downloads.
  target.on('will-download', (event, item) => {
    if (!isAllowedDownload(item.getURL())) event.preventDefault();
  });
}

function setMenu(language: Language, handlers: ApiHandlers): void {
  const template = buildMenuTemplate(
    { platform: process.platform, language, developer: development, productName: PRODUCT_NAME },
    {
      goBack: () => {
        const history = mainWindow?.webContents.navigationHistory;
        if (history?.canGoBack()) history.goBack();
      },
      goForward: () => {
        const history = mainWindow?.webContents.navigationHistory;
        if (history?.canGoForward()) history.goForward();
      },
      showAbout: () => void showAbout(handlers),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function showAbout(handlers: ApiHandlers): Promise<void> {
  const info = await invoke(handlers, 'getAppInfo', {});
  const prefs = await invoke(handlers, 'getPrefs', {});
  const text = aboutText({ ...info, language: prefs.language });
  const options = { type: 'info' as const, buttons: ['OK'], ...text };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

/** The handlers, with the menu following the reader's language when it changes. */
function withMenuLanguage(handlers: ApiHandlers): ApiHandlers {
  const api: ApiHandlers = {
    ...handlers,
    setPrefs: async (patch) => {
      const prefs = await handlers.setPrefs(patch);
      if (patch.language) setMenu(prefs.language, api);
      return prefs;
    },
  };
  return api;
}

async function start(): Promise<void> {
  // `npm start` hands over an Electron build of better-sqlite3 (the checkout's
  // node_modules hold the Node build); a bad path stops here with its reason.
  const sqliteBinding = sqliteBindingFor(process.env, development);
  if (sqliteBinding) setSqliteNativeBinding(sqliteBinding);
  const userDataDir = app.getPath('userData');
  // A release imports PDFs with the pdf.js it ships in resources/ (the import worker
  // threads read the variable); a development run uses the checkout's pdfjs-dist.
  if (!development) process.env[PDFJS_DIR_ENV] = path.join(process.resourcesPath, PDFJS_RESOURCE);
  core = openReaderCore(coreOpeners, {
    contentDbPath: contentDbPath(),
    userDataDir,
    host: 'electron',
    version: app.getVersion(),
    log: (line) => console.warn(line),
  });
  const handlers = core.handlers;
  const files = openRendererFiles(path.join(app.getAppPath(), 'renderer', 'dist'));

  app.configureHostResolver(HOST_RESOLVER_OPTIONS);
  lockDownSession(session.defaultSession);
  app.on('session-created', lockDownSession);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  serveRenderer(files, handlers);

  const api = withMenuLanguage(handlers);
  bindContract(ipcMain, api);
  const look = await invoke(handlers, 'getPrefs', {});
  setMenu(look.language, api);

  const stateFile = path.join(userDataDir, 'window-state.json');
  const restored = restoreBounds(
    loadWindowState(stateFile),
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea),
  );
  const window = createMainWindow({
    preloadPath: path.join(__dirname, 'preload.cjs'),
    bounds: restored.bounds,
    // The window appears in the reader's paper, not a white one the page then repaints.
    backgroundColor: PAPER_COLORS[resolveTheme(look.theme, nativeTheme.shouldUseDarkColors)],
    devTools: development,
  });
  mainWindow = window;
  if (restored.maximized) window.maximize();
  if (restored.fullScreen) window.setFullScreen(true);

  const remember = (): void => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = {
      ...bounds,
      maximized: window.isMaximized(),
      fullScreen: window.isFullScreen(),
    };
    try {
      saveWindowState(stateFile, state);
    } catch (err) {
      console.warn(`window state not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  // Saved when moved or resized (after a pause) as well as on close, so a crash
  // or a forced shutdown does not forget where the window was.
  let pending: NodeJS.Timeout | null = null;
  const rememberSoon = (): void => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      remember();
    }, 1000);
  };
  window.on('resize', rememberSoon);
  window.on('move', rememberSoon);
  window.on('maximize', rememberSoon);
  window.on('unmaximize', rememberSoon);
  window.on('close', () => {
    if (pending) clearTimeout(pending);
    pending = null;
    remember();
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadURL(appUrlForRoute(deepLinks.take()));
  // Later links: a same-document navigation to the route's hash (a new history entry).
  deepLinks.attach((route) => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    focusMainWindow();
    void mainWindow.loadURL(appUrlForRoute(route)).catch(() => undefined);
  });
}

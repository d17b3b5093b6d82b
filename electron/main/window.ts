// The one BrowserWindow factory. The security-relevant web preferences are
// written here, once, as a literal object at the constructor call — static
// analysers (electronegativity) cannot follow a variable, and a reader should
// see them without hunting. window.test.ts parses this file and pins them.
// The window's web contents get the navigation guard, the window-open policy
// and the webview refusal from security.ts. Devtools exist in a development run
// only (run-mode.ts).
import { BrowserWindow, shell, type Rectangle } from 'electron';
import { PRODUCT_NAME } from '../core/paths';
import { decideFrameNavigation, decideWindowOpen, isAllowedNavigation } from './security';
import { MIN_SIZE } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  bounds: Partial<Rectangle> & { width: number; height: number };
  backgroundColor: string;
  /** A development run (run-mode.ts): devtools can be opened. */
  devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: PRODUCT_NAME,
    show: false,
    backgroundColor: options.backgroundColor,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools,
      preload: options.preloadPath,
    },
  });
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  return window;
}

const guarded = new WeakSet<Electron.WebContents>();

/**
 * Navigation guard, window-open policy and webview refusal for one web contents.
 * Applied by the factory and again for every web contents the app creates
 * (index.ts); only the first call attaches, so a link never opens twice.
 */
export function guardWebContents(contents: Electron.WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  // Electron emits will-frame-navigate first for every navigation a page starts and,
  // once it is prevented, no will-navigate: the whole decision is made here.
  contents.on('will-frame-navigate', (details) => {
    const decision = decideFrameNavigation({ url: details.url, isMainFrame: details.isMainFrame });
    if (decision.action === 'allow') return;
    details.preventDefault();
    if (decision.action === 'open-external') void shell.openExternal(decision.url);
  });
  // Backstop (reached only for what the guard above allowed) and server redirects:
  // in-app or refused, never handed to the system browser.
  contents.on('will-navigate', (details) => {
    if (!isAllowedNavigation(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!isAllowedNavigation(details.url)) details.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternal) void shell.openExternal(decision.openExternal);
    return { action: decision.action };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

// A recording stand-in for the `electron` module, so that the main process's
// lifecycle (index.ts) runs in Node where the Electron binary cannot. It records
// what the shell registers and asks for, and it behaves like Electron where the
// shell's correctness depends on Electron's behaviour:
//  - navigation events are emitted the way Electron 45's navigation throttle
//    (shell/browser/electron_navigation_throttle.cc) emits them: for a navigation
//    the page starts, `will-frame-navigate` first (any frame), then `will-navigate`
//    (main frame only) only if the first was not prevented; the navigation is
//    cancelled at the first event whose listeners called preventDefault(). A server
//    redirect emits `will-redirect`. loadURL (the main process's own navigation)
//    emits none of them. Each listener gets Electron's details event (url,
//    isMainFrame, preventDefault …) followed by the deprecated positional arguments;
//  - app.configureHostResolver throws before `ready`, as Electron's does;
//  - web contents and sessions keep every listener (an EventEmitter), so a guard
//    attached twice would show.
import { EventEmitter } from 'node:events';

type Fn = (...args: never[]) => unknown;

export interface StandInOptions {
  appPath: string;
  userData: string;
  /** What app.isPackaged reports (Electron: from the executable's name alone). */
  isPackaged: boolean;
  /** Switches Chromium parsed from the command line (app.commandLine.hasSwitch). */
  switches?: string[];
  /** What app.requestSingleInstanceLock() returns (false: another instance runs). */
  singleInstanceLock?: boolean;
}

export interface NavigationOutcome {
  /** The events emitted, in order. */
  emitted: string[];
  /** True when a listener prevented the navigation. */
  cancelled: boolean;
}

/** Electron's details event for a navigation (EmitNavigationEvent in electron_api_web_contents.cc). */
class NavigationEvent {
  readonly isSameDocument = false;
  readonly processId = 1;
  readonly routingId = 1;
  defaultPrevented = false;
  constructor(
    readonly url: string,
    readonly isMainFrame: boolean,
  ) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpen: Fn | null = null;
  mainFrame = { url: 'app://reader/index.html', parent: null, isDestroyed: () => false };
  navigationHistory = {
    canGoBack: () => false,
    canGoForward: () => false,
    goBack: () => {},
    goForward: () => {},
  };
  setWindowOpenHandler(fn: Fn): void {
    this.windowOpen = fn;
  }

  /** Emits one navigation event to every listener; true when one prevented it. */
  private emitNavigationEvent(name: string, url: string, isMainFrame: boolean): boolean {
    const event = new NavigationEvent(url, isMainFrame);
    this.emit(
      name,
      event,
      url,
      event.isSameDocument,
      isMainFrame,
      event.processId,
      event.routingId,
    );
    return event.defaultPrevented;
  }

  /**
   * A navigation the page starts (a clicked link, `location.href = …`): the
   * throttle's WillStartRequest for a renderer-initiated navigation.
   */
  pageNavigates(url: string, options: { isMainFrame?: boolean } = {}): NavigationOutcome {
    const isMainFrame = options.isMainFrame ?? true;
    const emitted = ['will-frame-navigate'];
    if (this.emitNavigationEvent('will-frame-navigate', url, isMainFrame))
      return { emitted, cancelled: true };
    if (!isMainFrame) return { emitted, cancelled: false };
    emitted.push('will-navigate');
    return { emitted, cancelled: this.emitNavigationEvent('will-navigate', url, isMainFrame) };
  }

  /** A server redirect during a navigation: the throttle's WillRedirectRequest. */
  redirects(url: string, options: { isMainFrame?: boolean } = {}): NavigationOutcome {
    const cancelled = this.emitNavigationEvent('will-redirect', url, options.isMainFrame ?? true);
    return { emitted: ['will-redirect'], cancelled };
  }
}

export class FakeWindow extends EventEmitter {
  webContents = new FakeWebContents();
  url = '';
  focused = 0;
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  /** The main process's own navigation: Electron emits no will-* event for it. */
  loadURL(url: string): Promise<void> {
    this.url = url;
    return Promise.resolve();
  }
  isMinimized = () => false;
  restore(): void {}
  show(): void {}
  focus(): void {
    this.focused += 1;
  }
  maximize(): void {}
  setFullScreen(): void {}
  isDestroyed = () => false;
  isMaximized = () => false;
  isFullScreen = () => false;
  getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
}

export class FakeSession extends EventEmitter {
  beforeRequest: Fn | null = null;
  permissionRequest: Fn | null = null;
  permissionCheck: Fn | null = null;
  device: Fn | null = null;
  spellChecker: boolean | null = null;
  webRequest = {
    onBeforeRequest: (fn: Fn) => {
      this.beforeRequest = fn;
    },
  };
  setPermissionRequestHandler(fn: Fn): void {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn: Fn): void {
    this.permissionCheck = fn;
  }
  setDevicePermissionHandler(fn: Fn): void {
    this.device = fn;
  }
  setSpellCheckerEnabled(enable: boolean): void {
    this.spellChecker = enable;
  }
  /** Asks the request filter about a URL; true when it would be cancelled. */
  cancels(url: string): boolean | undefined {
    let cancel: boolean | undefined;
    (
      this.beforeRequest as
        ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null
    )?.({ url }, (r) => (cancel = r.cancel));
    return cancel;
  }
}

export function createElectronStandIn(options: StandInOptions) {
  let resolveReady = (): void => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const state = {
    isReady: false,
    appHandlers: new Map<string, Fn>(),
    protocolHandlers: new Map<string, (r: Request) => Response | Promise<Response>>(),
    privileged: [] as unknown[],
    ipcHandlers: new Map<string, Fn>(),
    menu: null as unknown,
    sandboxEnabled: false,
    protocolClients: [] as unknown[][],
    windows: [] as FakeWindow[],
    opened: [] as string[],
    errorBoxes: [] as string[][],
    exitCodes: [] as number[],
    lockRequested: false,
    /** app.whenReady() was called (the lifecycle waits for `ready`). */
    awaitsReady: false,
    /** Switches appended with app.commandLine.appendSwitch, and whether before `ready`. */
    appendedSwitches: [] as { name: string; value?: string; beforeReady: boolean }[],
    hostResolver: [] as unknown[],
    session: new FakeSession(),
  };
  const switches = new Set(options.switches ?? []);
  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: Record<string, unknown>) {
      super(windowOptions);
      state.windows.push(this);
    }
  }
  const module = {
    app: {
      enableSandbox: () => {
        state.sandboxEnabled = true;
      },
      setPath: () => {},
      getPath: () => options.userData,
      getAppPath: () => options.appPath,
      getVersion: () => '0.1.0',
      isPackaged: options.isPackaged,
      commandLine: {
        hasSwitch: (name: string) => switches.has(name),
        appendSwitch: (name: string, value?: string) => {
          state.appendedSwitches.push({
            name,
            ...(value !== undefined ? { value } : {}),
            beforeReady: !state.isReady,
          });
        },
      },
      configureHostResolver: (resolverOptions: unknown) => {
        if (!state.isReady) throw new Error('configureHostResolver cannot be called before ready');
        state.hostResolver.push(resolverOptions);
      },
      requestSingleInstanceLock: () => {
        state.lockRequested = true;
        return options.singleInstanceLock ?? true;
      },
      setAsDefaultProtocolClient: (...args: unknown[]) => {
        state.protocolClients.push(args);
        return true;
      },
      on: (event: string, fn: Fn) => state.appHandlers.set(event, fn),
      whenReady: () => {
        state.awaitsReady = true;
        return ready;
      },
      quit: () => {},
      exit: (code = 0) => {
        state.exitCodes.push(code);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, fn: (r: Request) => Response) =>
        state.protocolHandlers.set(scheme, fn),
    },
    session: { defaultSession: state.session },
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
    dialog: {
      showErrorBox: (title: string, content: string) => {
        state.errorBoxes.push([title, content]);
      },
      showMessageBox: async () => ({ response: 0 }),
    },
    shell: {
      openExternal: async (url: string) => {
        state.opened.push(url);
      },
    },
    BrowserWindow,
  };
  return {
    module,
    state,
    /** Emits `ready` (whenReady resolves). */
    becomeReady: () => {
      state.isReady = true;
      resolveReady();
    },
  };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;

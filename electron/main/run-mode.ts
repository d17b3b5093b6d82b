// Development run or release run, and what a release run refuses at start.
//
// A development run (`npm start`, i.e. `electron .` in a checkout) may load the
// SQLite module and the content database that npm start names in environment
// variables, shows the developer menu and devtools, and accepts Chromium's
// debugging switches. Every other run is a release run, which does none of that.
//
// `app.isPackaged` cannot draw this line: Electron decides it from the executable's
// file name alone (anything but `electron`, `electron.exe` or `Electron.app` is
// "packaged", and ELECTRON_FORCE_IS_PACKAGED forces it on), so an installed app
// binary renamed `electron` beside its resources/ reports false. `process.defaultApp`
// is set only by Electron's default app, which runs when the binary is handed an
// app folder (`electron .`); an installed app loads its own resources/app.asar and
// never has it.

export interface RunContext {
  /** `process.defaultApp`: true only when started as `electron <app folder>`. */
  defaultApp: boolean | undefined;
  /** `app.isPackaged` (a packaged-looking binary is never a development run). */
  isPackaged: boolean;
}

export function isDevelopmentRun(ctx: RunContext): boolean {
  return ctx.defaultApp === true && !ctx.isPackaged;
}

/**
 * Chromium switches a release run refuses: a remote debugger attached to the
 * renderer could call every method of `window.api`, and V8 flags change how the
 * app's code runs. No Electron fuse covers them (the Node `--inspect` switches
 * are covered by the EnableNodeCliInspectArguments fuse).
 */
export const REFUSED_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'js-flags',
] as const;

/**
 * The refused switches in a command line, read as Chromium's base::CommandLine
 * reads it: switches start with `--` or `-` (and `/` on Windows), the name ends at
 * `=`, names are case-insensitive on Windows only, and a bare `--` ends the
 * switches (what follows is arguments).
 */
export function refusedSwitchesInArgv(
  argv: readonly string[],
  platform: NodeJS.Platform,
): string[] {
  const prefixes = platform === 'win32' ? ['--', '-', '/'] : ['--', '-'];
  const found = new Set<string>();
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const prefix = prefixes.find((p) => arg.startsWith(p));
    if (!prefix || arg.length === prefix.length) continue;
    const equals = arg.indexOf('=');
    let name = arg.slice(prefix.length, equals === -1 ? undefined : equals);
    if (platform === 'win32') name = name.toLowerCase();
    if ((REFUSED_SWITCHES as readonly string[]).includes(name)) found.add(name);
  }
  return REFUSED_SWITCHES.filter((name) => found.has(name));
}

/**
 * What stops a release run before it does anything, or null: a refused switch in
 * the command line, as Chromium parsed it (`hasSwitch`, i.e. app.commandLine) or
 * as it is written in argv.
 */
export function startRefusal(
  development: boolean,
  argv: readonly string[],
  platform: NodeJS.Platform,
  hasSwitch: (name: string) => boolean,
): string | null {
  if (development) return null;
  const inArgv = refusedSwitchesInArgv(argv, platform);
  const refused = REFUSED_SWITCHES.filter((name) => inArgv.includes(name) || hasSwitch(name));
  if (refused.length === 0) return null;
  return `refusing to start with ${refused.map((s) => `--${s}`).join(', ')}: the installed app does not run under a debugger or with V8 flags`;
}

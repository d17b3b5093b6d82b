// Deep links from the operating system (hakusho-reader://section/<id>?annotation=<id>,
// written by the Markdown export) as pure decisions, so that index.ts only routes
// Electron's events here: which command-line argument is a link (Windows and Linux start
// the app, or hand a second launch over, with the link in argv; macOS sends `open-url`),
// how the app registers itself as the scheme's handler, and the one in-app URL a parsed
// route becomes. Nothing unparsed ever reaches the window: the route is rebuilt from the
// ids that electron/common/deep-link.ts accepted.
import path from 'node:path';
import {
  DEEP_LINK_SCHEME,
  hashForRoute,
  parseDeepLink,
  REGISTER_SCHEME_FLAG,
  type Route,
} from '../common/deep-link';
import { APP_ENTRY_URL } from './security';

export { DEEP_LINK_SCHEME };

/**
 * The deep link in a command line, or null. Only arguments that begin with the scheme
 * are looked at (never switches, the executable or the script path); the last one that
 * parses wins, as the OS appends the link last.
 */
export function deepLinkFromArgv(argv: unknown): Route | null {
  if (!Array.isArray(argv)) return null;
  let found: Route | null = null;
  for (const arg of argv) {
    if (typeof arg !== 'string' || !arg.startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    found = parseDeepLink(arg) ?? found;
  }
  return found;
}

/** The window's URL for a route (the entry page, the route in its hash), or the entry page. */
export function appUrlForRoute(route: Route | null): string {
  return route ? `${APP_ENTRY_URL}${hashForRoute(route)}` : APP_ENTRY_URL;
}

export { REGISTER_SCHEME_FLAG };

export interface ProtocolClientContext {
  /** A development run (run-mode.ts): `electron <app folder>` in a checkout. */
  development: boolean;
  execPath: string;
  argv: readonly string[];
  /** `--user-data DIR` in force, so a link opens the same profile (and the same lock). */
  userDataDir?: string;
}

/**
 * Arguments for `app.setAsDefaultProtocolClient`, or null to leave the scheme alone.
 * Release run: the scheme alone (the installers also declare it: electron-builder.yml
 * `protocols`). A development run registers only when asked (REGISTER_SCHEME_FLAG):
 * the OS keeps one handler per scheme, so registering every checkout run would take
 * hakusho-reader:// links away from an installed copy. Then Electron is the
 * executable, and the app folder must follow it, as Electron's deep-link guide says.
 */
export function protocolClientArgs(
  ctx: ProtocolClientContext,
): [string] | [string, string, string[]] | null {
  if (!ctx.development) return [DEEP_LINK_SCHEME];
  if (!ctx.argv.includes(REGISTER_SCHEME_FLAG) || !ctx.argv[1]) return null;
  const args = [path.resolve(ctx.argv[1])];
  if (ctx.userDataDir) args.push('--user-data', ctx.userDataDir);
  return [DEEP_LINK_SCHEME, ctx.execPath, args];
}

/**
 * Holds the latest link until the window can show it (links arrive before `ready` on
 * macOS, and with the first launch's argv), then hands every later one on at once.
 */
export class DeepLinkInbox {
  private pending: Route | null = null;
  private deliver: ((route: Route) => void) | null = null;

  /** A parsed link (null — nothing valid — is ignored). */
  receive(route: Route | null): void {
    if (!route) return;
    if (this.deliver) this.deliver(route);
    else this.pending = route;
  }

  /** The link waiting for the first page load, if any (taken once). */
  take(): Route | null {
    const route = this.pending;
    this.pending = null;
    return route;
  }

  /** From now on links go straight to `deliver` (one still waiting goes first). */
  attach(deliver: (route: Route) => void): void {
    this.deliver = deliver;
    const waiting = this.take();
    if (waiting) deliver(waiting);
  }
}

// The Electron shell's security policies as pure functions, so that they can be
// unit-tested with hostile input here, where no Electron runtime exists. The
// thin Electron layer (index.ts, window.ts, ipc.ts) only routes events to them.
//
// The app has exactly one origin, app://reader, served by our protocol handler
// from the renderer build. Everything else is either a link the user chose to
// follow (opened in the system browser when it parses as http/https) or refused.
import { CONTENT_SECURITY_POLICY } from '../common/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'reader';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The CSP sent with every app:// response (the same string as the browser edition's). */
export const APP_CSP = CONTENT_SECURITY_POLICY;

/** Longest URL we are willing to look at; anything longer is refused unparsed. */
const MAX_URL_LENGTH = 8192;

/**
 * Parses a URL string strictly: refuses control characters (NUL, tabs,
 * newlines — which the URL parser would silently strip), backslashes, leading
 * or trailing spaces, and over-long input, before the WHATWG parser sees it.
 */
export function parseStrictUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  for (const char of raw) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f)) return null;
  }
  if (raw.includes('\\')) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True only for URLs of our own origin: app://reader/… exactly, no credentials, no port. */
export function isAppUrl(raw: unknown): boolean {
  const url = parseStrictUrl(raw);
  if (!url) return false;
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.hostname === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    typeof raw === 'string' &&
    raw.toLowerCase().startsWith(`${APP_ORIGIN}/`)
  );
}

/**
 * The external-link policy: a URL may be handed to the system browser only when
 * it parses as http(s) with a host name and no credentials. Returns the
 * normalised href to open, or null.
 */
export function externalLinkTarget(raw: unknown): string | null {
  const url = parseStrictUrl(raw);
  if (!url) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Written as the parser reads it: `http:///x` or `https:example.com` are
  // repaired silently by the WHATWG parser; we refuse them instead.
  if (typeof raw !== 'string' || !/^https?:\/\/[^/]/i.test(raw)) return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

export type NavigationDecision =
  { action: 'allow' } | { action: 'open-external'; url: string } | { action: 'deny' };

/** A navigation the page started, as Electron's `will-frame-navigate` describes it. */
export interface FrameNavigation {
  url: unknown;
  /** True for the window's top-level frame. */
  isMainFrame: boolean;
}

/**
 * The navigation guard, decided whole on `will-frame-navigate`. Electron emits that
 * event first for every navigation a page starts (in any frame), and once it is
 * prevented it emits no `will-navigate`, so nothing may be left for later: stay
 * inside app://reader; a link the top-level page follows to a strictly parsed
 * http(s) URL goes to the system browser; everything else (any other scheme, and
 * any sub-frame leaving the app) is refused.
 */
export function decideFrameNavigation(navigation: FrameNavigation): NavigationDecision {
  if (isAppUrl(navigation.url)) return { action: 'allow' };
  const external = navigation.isMainFrame ? externalLinkTarget(navigation.url) : null;
  if (external) return { action: 'open-external', url: external };
  return { action: 'deny' };
}

/**
 * `will-navigate` (a backstop behind `will-frame-navigate`) and `will-redirect`
 * (a server redirect, which a user never chose): in-app or refused, never opened.
 */
export function isAllowedNavigation(raw: unknown): boolean {
  return isAppUrl(raw);
}

/** window.open and target=_blank never create a window; an http(s) link opens externally. */
export function decideWindowOpen(raw: unknown): { action: 'deny'; openExternal: string | null } {
  return { action: 'deny', openExternal: externalLinkTarget(raw) };
}

/**
 * A blob: URL the renderer made itself (blob:app://reader/<uuid>): how the reader's
 * export files are handed to the save dialog. A blob of any other origin is refused.
 */
export function isAppBlobUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || !raw.toLowerCase().startsWith('blob:')) return false;
  const inner = raw.slice('blob:'.length);
  return (
    parseStrictUrl(raw) !== null &&
    isAppUrl(inner) &&
    /^[0-9a-f-]{36}$/i.test(inner.slice(`${APP_ORIGIN}/`.length))
  );
}

/**
 * Downloads: only the export files the renderer builds (app blobs). Electron then
 * asks where to save them; nothing is ever fetched from elsewhere.
 */
export function isAllowedDownload(raw: unknown): boolean {
  return isAppBlobUrl(raw);
}

/**
 * Session-level request filter: the app makes no network requests at all.
 * Only our own scheme (and blobs the renderer made) pass, and the developer
 * tools' internal scheme in a development run only.
 */
export function isAllowedRequest(raw: unknown, options: { devTools: boolean }): boolean {
  if (isAppUrl(raw) || isAppBlobUrl(raw)) return true;
  const url = parseStrictUrl(raw);
  if (!url) return false;
  return options.devTools && url.protocol === 'devtools:';
}

/**
 * Host resolution off, so that "no network" does not rest on request filtering
 * alone: Chromium resolves names outside any request (DNS prefetch of links and
 * `<link rel=dns-prefetch>`, preconnect, DNS-over-HTTPS probes). Every host name
 * maps to "not found" (Chromium's `--host-resolver-rules`, appended before
 * `ready`), and the resolver itself is told not to use DNS-over-HTTPS or its own
 * built-in client (`app.configureHostResolver`, after `ready`).
 */
export const HOST_RESOLVER_RULES = 'MAP * ~NOTFOUND';
export const HOST_RESOLVER_OPTIONS = {
  enableBuiltInResolver: false,
  secureDnsMode: 'off',
  enableAdditionalDnsQueryTypes: false,
} as const;

/** No permission (camera, notifications, clipboard-read, geolocation, …) is ever granted. */
export function decidePermission(_permission: string, _requestingUrl?: string): boolean {
  return false;
}

/** The frame that sent an IPC call, as much of it as the check needs. */
export interface SenderFrameInfo {
  url: string | undefined;
  /** True when the frame is the window's top-level frame. */
  isMainFrame: boolean;
}

/** IPC calls are answered only for our own top-level document. */
export function isTrustedSender(frame: SenderFrameInfo | null | undefined): boolean {
  return !!frame && frame.isMainFrame && isAppUrl(frame.url);
}

// The renderer's Content-Security-Policy, in one place so that the Electron
// shell (app:// protocol responses) and the browser edition (HTTP header) send
// exactly the same policy. Everything is denied by default; the renderer gets
// only what it is built from: its own scripts, styles and fonts, and — in the
// browser edition — fetch() to its own origin for the JSON API.
// No 'unsafe-inline', no 'unsafe-eval', no data: or blob:, no remote origin: an
// injected <script>, inline handler or style attribute does nothing. The
// renderer's index.html carries the same policy as a meta tag (minus
// frame-ancestors, which only a header can carry), so a page opened any other
// way is held to it too.

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
};

export function buildCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy string every host sends with the renderer. */
export const CONTENT_SECURITY_POLICY = buildCsp(CSP_DIRECTIVES);

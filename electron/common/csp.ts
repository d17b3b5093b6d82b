// The renderer's Content-Security-Policy, in one place so that the Electron
// shell (app:// protocol responses) and the browser edition (HTTP header) send
// exactly the same policy. Everything is denied by default; the renderer gets
// only what it is built from: its own scripts, styles and fonts, and — in the
// browser edition — fetch() to its own origin for the JSON API.
//
// `data:` is allowed for images and fonts only: Vite inlines small assets as
// data: URLs, and neither can run script. No 'unsafe-inline', no 'unsafe-eval',
// no remote origin: an injected <script> or inline handler does not run.

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
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

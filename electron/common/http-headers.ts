// The headers the browser edition's host sends with every answer, whatever it is: the
// renderer's Content-Security-Policy, and the browser's own defences of a page that only
// its own tab should reach (no sniffing, no referrer, no framing, a browsing context group
// of its own, resources for its own origin only). Defined here, apart from the host, so
// the UI benchmark's static peer page is served with exactly the same ones.
import { CONTENT_SECURITY_POLICY } from './csp';

export function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

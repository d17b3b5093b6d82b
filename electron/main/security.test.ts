// The shell's policies fed hostile URLs. These functions are all that decides
// navigation, external links, request blocking, permissions and IPC trust; the
// Electron layer only routes events to them.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  APP_CSP,
  APP_ENTRY_URL,
  decideFrameNavigation,
  decidePermission,
  decideWindowOpen,
  externalLinkTarget,
  isAllowedDownload,
  isAllowedNavigation,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
} from './security';
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { repoRoot } from '../core/paths';

/** A navigation the window's top-level page starts (a clicked link, location.href = …). */
const decideNavigation = (url: unknown) => decideFrameNavigation({ url, isMainFrame: true });

const hostile = [
  'https://example.com.attacker.com',
  'https://example.com.attacker.com/app://reader/',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript\u0000:alert(1)',
  'file:///etc/passwd',
  'FILE:///etc/passwd',
  'file://server/share',
  'data:text/html,<script>alert(1)</script>',
  'DaTa:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  'blob:app://reader/1234',
  'about:blank',
  'chrome://settings',
  'app://reader.attacker.com/index.html',
  'app://reader@attacker.com/index.html',
  'app://attacker@reader/index.html',
  'app://user:pass@reader/index.html',
  'app://reader:8080/index.html',
  'app:reader/index.html',
  'app:///reader/index.html',
  'apps://reader/index.html',
  'app-x://reader/index.html',
  'xapp://reader/index.html',
  'app://Reader.evil/index.html',
  'app://reader\\@evil/index.html',
  'app://reader\u0000.evil/index.html',
  'app://reader/index.html\u0000',
  '\u0000app://reader/index.html',
  'app://reader',
  '',
  'not a url',
];

describe('isAppUrl', () => {
  it('accepts our own pages', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://reader/')).toBe(true);
    expect(isAppUrl('app://reader/index.html#/section/s1-3')).toBe(true);
    expect(isAppUrl('app://reader/assets/index-abc.js?x=1')).toBe(true);
  });

  it.each(hostile)('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['app://reader/'], new URL(APP_ENTRY_URL)]) {
      expect(isAppUrl(value)).toBe(false);
    }
  });
});

describe('external links', () => {
  it('opens parsed http(s) links, normalised', () => {
    expect(externalLinkTarget('https://www.meti.go.jp/report/tsuhaku2023/')).toBe(
      'https://www.meti.go.jp/report/tsuhaku2023/',
    );
    expect(externalLinkTarget('HTTPS://WWW.METI.GO.JP/')).toBe('https://www.meti.go.jp/');
    expect(externalLinkTarget('http://example.com/a b'.replace(' ', '%20'))).toBe(
      'http://example.com/a%20b',
    );
  });

  it.each([
    ...hostile.filter((u) => !u.startsWith('https://example.com.attacker.com')),
    'https://user:pass@example.com/',
    'https://example.com@attacker.com/',
    'http:///nohost',
    'https:',
    'https://exa\u0000mple.com/',
    'https://example.com/\u0000',
    'https://exa mple.com/',
    'https://example.com\\@attacker.com/',
    'ftp://example.com/',
    'mailto:someone@example.com',
    'x'.repeat(9000),
  ])('does not open %j', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });

  it('treats a lookalike host as just another external site (never as our origin)', () => {
    expect(decideNavigation('https://example.com.attacker.com')).toEqual({
      action: 'open-external',
      url: 'https://example.com.attacker.com/',
    });
  });
});

describe('navigation guard and window.open', () => {
  it('allows in-app navigation only', () => {
    expect(decideNavigation('app://reader/index.html')).toEqual({ action: 'allow' });
    for (const url of hostile) {
      expect(decideNavigation(url).action, url).not.toBe('allow');
    }
    expect(decideNavigation('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ action: 'deny' });
  });

  it('never sends a sub-frame anywhere outside the app, nor to the browser', () => {
    expect(decideFrameNavigation({ url: 'app://reader/index.html', isMainFrame: false })).toEqual({
      action: 'allow',
    });
    for (const url of ['https://www.meti.go.jp/', 'http://example.com/', ...hostile]) {
      expect(decideFrameNavigation({ url, isMainFrame: false }), url).toEqual({ action: 'deny' });
    }
  });

  it('lets the will-navigate backstop and redirects stay in the app only', () => {
    expect(isAllowedNavigation('app://reader/index.html#/section/us-3')).toBe(true);
    for (const url of ['https://www.meti.go.jp/', ...hostile]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('never opens a window', () => {
    expect(decideWindowOpen('app://reader/index.html')).toEqual({
      action: 'deny',
      openExternal: null,
    });
    expect(decideWindowOpen('https://www.meti.go.jp/')).toEqual({
      action: 'deny',
      openExternal: 'https://www.meti.go.jp/',
    });
    expect(decideWindowOpen('data:text/html,x')).toEqual({ action: 'deny', openExternal: null });
  });

  test.prop([fc.string()])('random strings are never our origin unless they spell it', (s) => {
    const decision = decideNavigation(s);
    if (decision.action === 'allow') expect(s.toLowerCase().startsWith('app://reader/')).toBe(true);
  });

  test.prop([fc.webUrl({ withQueryParameters: true, withFragments: true })])(
    'web URLs are never allowed in-app',
    (url) => {
      expect(decideNavigation(url).action).not.toBe('allow');
    },
  );
});

describe('downloads', () => {
  const blob = 'blob:app://reader/0b8f6c2e-3a1d-4c55-9d1e-6f2a7b9c0d11';
  it('allows only blobs the renderer made (the export files)', () => {
    expect(isAllowedDownload(blob)).toBe(true);
    expect(isAllowedRequest(blob, { devTools: false })).toBe(true);
    for (const url of [
      'blob:https://example.com/0b8f6c2e-3a1d-4c55-9d1e-6f2a7b9c0d11',
      'blob:app://reader.attacker.com/0b8f6c2e-3a1d-4c55-9d1e-6f2a7b9c0d11',
      'blob:app://reader/../0b8f6c2e-3a1d-4c55-9d1e-6f2a7b9c0d11',
      'blob:app://reader/not-a-uuid',
      'BLOB:app://reader/\u00000b8f6c2e-3a1d-4c55-9d1e-6f2a7b9c0d11',
      'blob:null/0b8f6c2e-3a1d-4c55-9d1e-6f2a7b9c0d11',
      'https://example.com/file.json',
      'app://reader/index.html',
      'data:application/json,{}',
      'file:///etc/passwd',
    ]) {
      expect(isAllowedDownload(url), url).toBe(false);
    }
  });
});

describe('session request filter', () => {
  it('lets only app:// through, and devtools: in a development run', () => {
    for (const devTools of [false, true]) {
      expect(isAllowedRequest('app://reader/assets/font.woff2', { devTools })).toBe(true);
      expect(isAllowedRequest('data:font/woff2;base64,AAAA', { devTools })).toBe(false);
    }
    const inspector = 'devtools://devtools/bundled/inspector.html';
    expect(isAllowedRequest(inspector, { devTools: true })).toBe(true);
    expect(isAllowedRequest(inspector, { devTools: false })).toBe(false);
    for (const url of [
      'https://www.meti.go.jp/',
      'http://127.0.0.1:8080/api/getToc',
      'ws://127.0.0.1/',
      'wss://example.com/',
      'file:///etc/passwd',
      'ftp://example.com/',
      'blob:app://reader/x',
      'chrome-extension://abc/x.js',
      'app://reader.attacker.com/',
      'app://reader\u0000/',
      'devtools:\u0000//devtools/',
    ]) {
      expect(isAllowedRequest(url, { devTools: true }), url).toBe(false);
    }
  });
});

describe('permissions and IPC senders', () => {
  it('denies every permission', () => {
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(decidePermission(p, APP_ENTRY_URL)).toBe(false);
    }
  });

  it('trusts only our own top-level frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true })).toBe(false);
    for (const url of hostile) {
      expect(isTrustedSender({ url, isMainFrame: true }), url).toBe(false);
    }
  });
});

describe('CSP', () => {
  it('denies by default and allows only what the renderer needs from itself', () => {
    expect(APP_CSP).toBe(CONTENT_SECURITY_POLICY);
    const directives = new Map(
      APP_CSP.split(';').map((d) => {
        const [name, ...sources] = d.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(APP_CSP).not.toMatch(/unsafe-|\*|https?:|blob:|data:|ws:/);
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(["'self'", "'none'"], `${name} ${source}`).toContain(source);
      }
    }
  });
});

describe("the renderer's own meta CSP", () => {
  const directives = (policy: string) =>
    policy
      .split(';')
      .map((d) => d.trim().replace(/\s+/g, ' '))
      .filter((d) => d.length > 0)
      .sort();

  it('is the policy the hosts send (frame-ancestors can only be a header)', () => {
    const html = fs.readFileSync(path.join(repoRoot(), 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBeDefined();
    expect(directives(meta![1]!)).toEqual(
      directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors')),
    );
  });
});

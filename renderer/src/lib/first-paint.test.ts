import { describe, expect, it } from 'vitest';
import { LANGUAGES, THEMES } from '../../../electron/common/rules/prefs';
import { firstPaintScript, LOOK_STORAGE_KEY, rememberLook } from './first-paint';

/** A page's <html> as the script sees it: its attributes only. */
function fakeRoot(attributes: Record<string, string> = {}) {
  const attrs = new Map(Object.entries(attributes));
  return {
    attrs,
    hasAttribute: (name: string) => attrs.has(name),
    setAttribute: (name: string, value: string) => void attrs.set(name, value),
  };
}

/** Runs the script as a classic script would, against a root and a storage. */
function runScript(root: ReturnType<typeof fakeRoot>, stored: string | null | (() => never)) {
  const storage = {
    getItem: (key: string) =>
      typeof stored === 'function' ? stored() : key === LOOK_STORAGE_KEY ? stored : null,
  };
  new Function(
    'document',
    'sessionStorage',
    firstPaintScript({ themes: THEMES, languages: LANGUAGES }),
  )({ documentElement: root }, storage);
  return Object.fromEntries(root.attrs);
}

describe('the first-paint script', () => {
  it('writes every theme and language of the rules', () => {
    for (const theme of THEMES)
      for (const language of LANGUAGES)
        expect(runScript(fakeRoot(), JSON.stringify({ theme, language }))).toEqual({
          lang: language,
          'data-theme': theme,
        });
  });

  it('writes the kept theme and language on a page the host served without them', () => {
    const kept = JSON.stringify({ theme: 'sepia', language: 'en' });
    expect(runScript(fakeRoot({ lang: 'ja' }), kept)).toEqual({
      lang: 'en',
      'data-theme': 'sepia',
    });
    const system = JSON.stringify({ theme: 'system', language: 'ja' });
    expect(runScript(fakeRoot(), system)).toEqual({ lang: 'ja', 'data-theme': 'system' });
  });

  it('leaves a page the host has written alone (the host read the preferences just now)', () => {
    const served = fakeRoot({ lang: 'ja', 'data-theme': 'dark' });
    expect(runScript(served, JSON.stringify({ theme: 'sepia', language: 'en' }))).toEqual({
      lang: 'ja',
      'data-theme': 'dark',
    });
  });

  it('writes nothing but values of the rules, and survives whatever the storage holds', () => {
    const hostile = [
      JSON.stringify({ theme: '"><script>alert(1)</script>', language: 'en" onload="x' }),
      JSON.stringify({ theme: 'DARK', language: 'fr' }),
      JSON.stringify(['dark', 'en']),
      JSON.stringify('dark'),
      '{"theme": "dark"',
      'null',
      '',
      null,
    ];
    for (const stored of hostile)
      expect(runScript(fakeRoot({ lang: 'ja' }), stored)).toEqual({ lang: 'ja' });
    // A half-valid record: the valid half is written.
    expect(
      runScript(fakeRoot({ lang: 'ja' }), JSON.stringify({ theme: 'dark', language: 'xx' })),
    ).toEqual({
      lang: 'ja',
      'data-theme': 'dark',
    });
    // A storage the page may not use throws on read.
    const refused = () => {
      throw new Error('SecurityError');
    };
    expect(runScript(fakeRoot({ lang: 'ja' }), refused)).toEqual({ lang: 'ja' });
  });

  it('reads back what the app keeps', () => {
    const store = new Map<string, string>();
    rememberLook({ theme: 'dark', language: 'en' }, () => ({
      setItem: (k, v) => void store.set(k, v),
    }));
    expect(runScript(fakeRoot(), store.get(LOOK_STORAGE_KEY) ?? null)).toEqual({
      lang: 'en',
      'data-theme': 'dark',
    });
  });

  it('keeps nothing, and throws nothing, when the storage refuses', () => {
    const look = { theme: 'dark', language: 'en' } as const;
    const full = () => ({
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(() => rememberLook(look, full)).not.toThrow();
    const forbidden = () => {
      throw new Error('SecurityError');
    };
    expect(() => rememberLook(look, forbidden)).not.toThrow();
  });
});

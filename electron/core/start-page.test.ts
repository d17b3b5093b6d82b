import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPage } from './start-page';
import { PAPER_COLORS } from '../common/rules/colors';
import type { Prefs } from '../common/rules/prefs';

const INDEX =
  '<!doctype html>\n<html lang="ja">\n  <head></head>\n  <body><div id="app"></div></body>\n</html>\n';

describe('startPage', () => {
  it('writes the theme and the language into the <html> tag, and nothing else', () => {
    const page = startPage(INDEX, { theme: 'sepia', language: 'en' });
    expect(page).toBe(INDEX.replace('<html lang="ja">', '<html lang="en" data-theme="sepia">'));
  });

  it('replaces attributes it wrote before and keeps any other', () => {
    const page = startPage(
      '<html class="x" data-theme=dark lang=\'ja\' dir="ltr"><body></body></html>',
      { theme: 'system', language: 'ja' },
    );
    expect(page).toBe(
      '<html class="x" dir="ltr" lang="ja" data-theme="system"><body></body></html>',
    );
  });

  it('leaves a page without an <html> tag as it is', () => {
    expect(startPage('<p>x</p>', { theme: 'dark', language: 'ja' })).toBe('<p>x</p>');
  });

  it('writes no value outside the rules', () => {
    const hostile = { theme: '"><script>alert(1)</script>', language: 'ja' } as unknown as Pick<
      Prefs,
      'theme' | 'language'
    >;
    expect(startPage(INDEX, hostile)).toBe(INDEX);
  });

  it('works on the real index.html: one <html> tag, the CSP meta untouched', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../renderer/index.html'), 'utf8');
    const page = startPage(source, { theme: 'dark', language: 'ja' });
    expect(page.match(/<html\b[^>]*>/g)).toEqual(['<html lang="ja" data-theme="dark">']);
    expect(page.replace(/<html\b[^>]*>/, '')).toBe(source.replace(/<html\b[^>]*>/, ''));
  });
});

describe('the paper of each theme', () => {
  const css = fs.readFileSync(path.join(__dirname, '../../renderer/src/app.css'), 'utf8');
  const paperIn = (selector: string): string | undefined => {
    const at = css.indexOf(`${selector} {`);
    return at < 0 ? undefined : /--paper:\s*(#[0-9a-f]{6})/i.exec(css.slice(at))?.[1];
  };

  it('is the stylesheet’s --paper in every theme', () => {
    expect(paperIn(':root')).toBe(PAPER_COLORS.light);
    expect(paperIn(":root[data-theme='sepia']")).toBe(PAPER_COLORS.sepia);
    expect(paperIn(":root[data-theme='dark']")).toBe(PAPER_COLORS.dark);
    // 'system' on a dark OS, before the app has resolved it.
    expect(paperIn(":root[data-theme='system']")).toBe(PAPER_COLORS.dark);
  });
});

import { describe, expect, it } from 'vitest';
import { isBoldFontName, markVerticalGlyphs } from './page-text';
import { hasEndOfFile } from './pdfjs';
import { run } from './testing';

describe('page text helpers', () => {
  it('reads weight from font names', () => {
    for (const n of [
      'ABCDEF+LMSans10-Bold',
      'KozGoPr6N-Heavy',
      'HiraKakuPro-W6',
      'MS-Gothic-Demibold',
      'NotoSansCJKjp-Black',
    ])
      expect(isBoldFontName(n)).toBe(true);
    for (const n of ['ABCDEF+IPAMincho', 'KozMinPr6N-Regular', 'HiraMinPro-W3', 'LMMono9-Regular'])
      expect(isBoldFontName(n)).toBe(false);
  });

  it('marks glyph runs stacked down the page as vertical, and leaves a horizontal page alone', () => {
    const column = Array.from('吾輩は猫である名前はまだ無い', (g, i) => run(g, 500, 100 + i * 10));
    const head = run('通商白書', 62, 40, 8);
    markVerticalGlyphs([head, ...column], false);
    expect(column.every((r) => r.vertical)).toBe(true);
    expect(head.vertical).toBe(false);
    const rows = [run('横書きの一行目', 62, 100), run('横書きの二行目', 62, 117)];
    markVerticalGlyphs(rows, false);
    expect(rows.some((r) => r.vertical)).toBe(false);
  });

  it('tells a PDF cut short by its missing %%EOF', () => {
    expect(hasEndOfFile(new TextEncoder().encode('%PDF-1.4\n...\nstartxref\n123\n%%EOF\n'))).toBe(
      true,
    );
    expect(hasEndOfFile(new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog'))).toBe(
      false,
    );
  });
});

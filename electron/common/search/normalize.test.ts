import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  normalizeForSearch,
  normalizeForSearchReference,
  normalizeText,
  toDisplayRange,
} from './normalize';

const n = normalizeText;

/** Display text a normalized [start, end) range lands on. */
function displayOf(display: string, normalized: string, needle: string): string {
  const { text, edits } = normalizeForSearch(display);
  expect(text).toBe(normalized);
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const [s, e] = toDisplayRange(edits, at, at + needle.length);
  return display.slice(s, e);
}

describe('search normalization rules', () => {
  it('folds width and case (NFKC + lower case)', () => {
    expect(n('ＩＰＥＦ')).toBe('ipef');
    expect(n('ｶﾅﾀﾞ')).toBe('カナダ');
    expect(n('２０２２')).toBe('2022');
    expect(n('CHIPS')).toBe('chips');
    expect(n('経済版「２＋２」')).toBe('経済版「2+2」');
    expect(n('①')).toBe('1');
  });
  it('removes the PDF spacing between CJK characters and around CJK/digits', () => {
    expect(n('経 済 産 業 大 臣')).toBe('経済産業大臣');
    expect(n('2022 年 5 月')).toBe('2022年5月');
    expect(n('10% の')).toBe('10%の');
    expect(n('2 ＋ 2')).toBe('2+2');
    expect(n('CHIPS および')).toBe('chipsおよび');
    expect(n('サプライチェー\nン')).toBe('サプライチェーン');
  });
  it('keeps one space between Latin words and trims the ends', () => {
    expect(n('  Japan-U.S.  Partnership\non Trade ')).toBe('japan-u.s. partnership on trade');
    expect(n('Collision 2022')).toBe('collision 2022');
  });
  it('treats U+FFFD as a space: a word gap between Latin, nothing next to Japanese', () => {
    expect(n('U.S.\uFFFDPartnership')).toBe('u.s. partnership');
    expect(n('5月\u3000\uFFFD「半導体')).toBe('5月「半導体');
    expect(n('\uFFFD')).toBe('');
  });
  it('folds long-vowel look-alikes after katakana only', () => {
    expect(n('イノベ―ション')).toBe('イノベーション');
    expect(n('セキュリティ‐ポリシー')).toBe('セキュリティーポリシー');
    expect(n('データ－ベース')).toBe('データーベース');
    expect(n('原則―米国')).toBe('原則―米国');
    expect(n('―')).toBe('―');
  });
  it('folds the documented variant kanji (異体字)', () => {
    expect(n('強靱')).toBe(n('強靭'));
    expect(n('髙橋')).toBe('高橋');
    expect(n('渡邊')).toBe('渡辺');
  });
  it('folds the wave dash and ignores variation selectors and zero-width characters', () => {
    expect(n('5〜6')).toBe(n('5～6'));
    expect(n('葛\u{E0100}飾')).toBe('葛飾');
    expect(n('米\u200B国')).toBe('米国');
  });
  it('does not fold hiragana and katakana into each other', () => {
    expect(n('タイ')).not.toBe(n('たい'));
  });
});

describe('fast path for plain runs', () => {
  it('gives exactly the text and edits of the general path (property)', () => {
    const piece = fc.constantFrom(
      '米',
      '国',
      'あ',
      'カ',
      'ｶ',
      'ﾞ',
      '\u3099',
      '\u0301',
      'e',
      'E',
      '1',
      ' ',
      '\u3000',
      '\n',
      '\uFFFD',
      '\u200B',
      '\uFE00',
      '\u{E0100}',
      '―',
      'ー',
      '－',
      '靱',
      '㍿',
      '〜',
      '𠮷',
      '\uD800',
      '(',
      '.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const display = pieces.join('');
        expect(normalizeForSearch(display)).toEqual(normalizeForSearchReference(display));
      }),
      { numRuns: 500 },
    );
  });
});

describe('offset mapping back to display text', () => {
  it('spans removed spaces', () => {
    expect(displayOf('経 済 産 業 大 臣は', '経済産業大臣は', '済産業')).toBe('済 産 業');
    expect(displayOf('2022 年 5 月、', '2022年5月、', '2022年5月')).toBe('2022 年 5 月');
  });
  it('spans U+FFFD and ideographic spaces', () => {
    expect(displayOf('5月\u3000\uFFFD「半導体', '5月「半導体', '月「')).toBe('月\u3000\uFFFD「');
  });
  it('lands on folded characters', () => {
    expect(displayOf('はｶﾞｲﾄﾞを', 'はガイドを', 'ガイド')).toBe('ｶﾞｲﾄﾞ');
    expect(displayOf('ＩＰＥＦ交渉', 'ipef交渉', 'ipef')).toBe('ＩＰＥＦ');
    expect(displayOf('イノベ―ション', 'イノベーション', 'ーション')).toBe('―ション');
    expect(displayOf('1㍿2', '1株式会社2', '式')).toBe('㍿');
  });
  it('is identity where nothing was changed', () => {
    const { text, edits } = normalizeForSearch('米国の関税');
    expect(text).toBe('米国の関税');
    expect(edits).toEqual([]);
  });
  it('maps every normalized range inside the display text, in order (property)', () => {
    const piece = fc.constantFrom(
      '米',
      '国',
      ' ',
      '\u3000',
      '\uFFFD',
      'ｶﾞ',
      'A',
      'b',
      '㍿',
      '―',
      'ー',
      'カ',
      '\n',
      '2',
      '𠮷',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const display = pieces.join('');
        const { text, edits } = normalizeForSearch(display);
        let lastEnd = 0;
        for (let k = 0; k < text.length; k++) {
          const [s, e] = toDisplayRange(edits, k, k + 1);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(display.length);
          expect(e).toBeGreaterThan(s);
          expect(s).toBeGreaterThanOrEqual(lastEnd - 2);
          lastEnd = e;
          // the display slice normalizes to something containing the character (context aside)
          const back = normalizeText(display.slice(s, e));
          if (text[k] !== ' ' && text[k] !== 'ー') expect(back).toContain(text[k]);
        }
      }),
    );
  });
});

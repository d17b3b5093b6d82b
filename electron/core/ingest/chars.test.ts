import { describe, expect, it } from 'vitest';
import {
  isAsciiSpace,
  isBlankLine,
  isCjk,
  isLatinOrDigit,
  isLatinText,
  trimAsciiSpaces,
} from './chars';

describe('character classes', () => {
  it('treats Han, kana, CJK punctuation and full-width forms as CJK', () => {
    for (const ch of [
      '経',
      '靱',
      '靭',
      'は',
      'シ',
      'ー',
      '・',
      '、',
      '。',
      '「',
      '」',
      '\u3000',
      '（',
      '）',
      '＋',
      '％',
      '２',
      '＜',
      '①',
      '―',
    ])
      expect(isCjk(ch), ch).toBe(true);
    for (const ch of ['A', '2', '%', '.', ' ', '-', '(']) expect(isCjk(ch), ch).toBe(false);
    expect(isCjk('𠀋')).toBe(true); // astral Han (a surrogate pair)
  });

  it('separates Latin letters/digits from ASCII punctuation', () => {
    expect(['C', 'z', '0', '9'].every(isLatinOrDigit)).toBe(true);
    expect(['.', '-', '%', ' ', '２'].some(isLatinOrDigit)).toBe(false);
    expect(['.', '-', ')', 'U'].every(isLatinText)).toBe(true);
    expect([' ', '\u3000', 'あ'].some(isLatinText)).toBe(false);
  });

  it('never treats U+3000 as an ASCII space (unlike \\s and trim())', () => {
    expect(isAsciiSpace('\u3000')).toBe(false);
    expect(trimAsciiSpaces(' \u3000米国 ')).toBe('\u3000米国');
    expect('\u3000米国'.trim()).toBe('米国'); // the trap these helpers avoid
  });

  it('recognises page-break lines', () => {
    expect(isBlankLine('')).toBe(true);
    expect(isBlankLine('  ')).toBe(true);
    expect(isBlankLine('る CES を視察し')).toBe(false);
  });
});

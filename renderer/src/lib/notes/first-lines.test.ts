import { describe, expect, it } from 'vitest';
import { firstLine, firstLines } from './first-lines';

describe('firstLines', () => {
  it('keeps a short note whole', () => {
    expect(firstLines('半導体協力の要点')).toEqual({
      lines: ['半導体協力の要点'],
      truncated: false,
    });
    expect(firstLines('')).toEqual({ lines: [], truncated: false });
  });

  it('keeps the first lines, skips blank ones, and marks what was left out', () => {
    const note = '一行目\n\n  二行目  \r\n三行目\n四行目';
    expect(firstLines(note)).toEqual({ lines: ['一行目', '二行目', '三行目…'], truncated: true });
    expect(firstLines(note, 4)).toEqual({
      lines: ['一行目', '二行目', '三行目', '四行目'],
      truncated: false,
    });
  });

  it('cuts a long line at the character budget, counting code points', () => {
    const long = 'あ'.repeat(200);
    const { lines, truncated } = firstLines(long, 3, 140);
    expect(truncated).toBe(true);
    expect(lines).toEqual(['あ'.repeat(140) + '…']);
    // A character outside the BMP is never split in half.
    const wide = '𠮷'.repeat(10);
    expect(firstLines(wide, 3, 4).lines).toEqual(['𠮷𠮷𠮷𠮷…']);
  });

  it('shares the budget between lines', () => {
    expect(firstLines('abcdef\nghijkl\nmnop', 3, 10)).toEqual({
      lines: ['abcdef', 'ghij…'],
      truncated: true,
    });
  });
});

describe('firstLine', () => {
  it('is the first non-blank line, cut short', () => {
    expect(firstLine('\n  要確認 \n後で')).toBe('要確認…');
    expect(firstLine('x'.repeat(50), 40)).toBe('x'.repeat(40) + '…');
    expect(firstLine('')).toBe('');
  });
});

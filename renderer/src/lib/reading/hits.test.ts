import { describe, expect, it } from 'vitest';
import { titleMarks } from './hits';

describe('hits in a heading', () => {
  const mark = { start: 2, end: 5, index: 7 };

  it('are drawn where the core found them in a title shown as stored', () => {
    expect(titleMarks('2022年5月　半導体', false, [mark])).toEqual([mark]);
    expect(titleMarks('［1．日米経済関係　最近の動き］', true, [mark])).toEqual([mark]);
  });

  it('move one character on when ［］ are added to an editorial title', () => {
    expect(titleMarks('第２節　カナダ', true, [mark])).toEqual([{ start: 3, end: 6, index: 7 }]);
  });

  it('are handed on as they are when nothing moves them (nothing is drawn again)', () => {
    const marks = [mark];
    expect(titleMarks('2022年5月　半導体', false, marks)).toBe(marks);
    const none: typeof marks = [];
    expect(titleMarks('第２節　カナダ', true, none)).toBe(none);
  });

  it('are dropped when the title is shown trimmed', () => {
    expect(titleMarks(' 第２節 ', true, [mark])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  levelsOfRanks,
  looksLikeHeadingText,
  numberedHeadingRank,
  numberingRank,
} from './numbering';

describe('heading numbering', () => {
  it('ranks the numbering of Japanese official documents from the largest unit down', () => {
    const ranks = [
      '第１部　総論',
      '第２章　米国',
      '第１節　米国',
      '1．概況',
      '1-2　貿易',
      '（1）雇用',
      '＜232条を巡る動き＞',
      '①関税',
      '（ア）鉄鋼',
    ].map(numberingRank);
    expect(ranks.every((r) => r !== null)).toBe(true);
    expect([...ranks].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(ranks);
  });

  it('reads the bundled chapter’s dated items as headings', () => {
    expect(numberingRank('2022 年 5月\u3000「半導体協力基本原則」を公表')).not.toBeNull();
  });

  it('is not fooled by sentences and numbers in text', () => {
    expect(numberedHeadingRank('1．概況')).not.toBeNull();
    expect(numberedHeadingRank('4．同措置について、我が国は懸念を伝えた。')).toBeNull();
    expect(numberedHeadingRank('2022年8月に成立した')).toBeNull();
    expect(numberedHeadingRank('12.5%の関税を')).toBeNull();
    expect(looksLikeHeadingText('経済、')).toBe(false);
    expect(looksLikeHeadingText('あ'.repeat(61))).toBe(false);
  });

  it('turns the ranks a document uses into levels 1..n', () => {
    expect([...levelsOfRanks([50, 30, 70, 50])]).toEqual([
      [30, 1],
      [50, 2],
      [70, 3],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { noResultsAdvice } from './no-results';

describe('advice when nothing is found', () => {
  it('never tells a one-word query to use fewer words', () => {
    expect(noResultsAdvice(['半導体', '補助金'])).toBe('fewerWords');
    for (const one of [['存在しない語'], ['ｶﾅﾀﾞ'], ['canada'], ['日米']])
      expect(noResultsAdvice(one)).not.toBe('fewerWords');
  });

  it('fits the shape of the one term', () => {
    expect(noResultsAdvice([])).toBe('empty');
    expect(noResultsAdvice(['日米 協力'])).toBe('unquote');
    expect(noResultsAdvice(['supply chain'])).toBe('unquote');
    expect(noResultsAdvice(['chips'])).toBe('japaneseName');
    expect(noResultsAdvice(['サプライチェイン'])).toBe('otherScript');
    expect(noResultsAdvice(['半導体産業育成政策'])).toBe('shorter');
    expect(noResultsAdvice(['はんどう'])).toBe('otherSpelling');
  });
});

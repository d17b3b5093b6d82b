import { describe, expect, it } from 'vitest';
import { findTerms } from './marks';

const terms = (text: string, list: string[]) =>
  findTerms(text, list).map((m) => [m.term, text.slice(m.start, m.end), m.start]);

describe('findTerms', () => {
  it('finds Latin abbreviations next to Japanese, not inside Latin words', () => {
    expect(terms('日本はIRA法上のFTA締結国。IRAN と XIRA', ['IRA', 'FTA'])).toEqual([
      ['IRA', 'IRA', 3],
      ['FTA', 'FTA', 9],
    ]);
    expect(terms('国連、G7、G20、WTO等', ['G7', 'G20', 'WTO', 'G2'])).toEqual([
      ['G7', 'G7', 3],
      ['G20', 'G20', 6],
      ['WTO', 'WTO', 10],
    ]);
  });

  it('finds a Japanese short name as written', () => {
    const text = '加え経済版「2＋2」等の会議に出席した。経済版「２＋２」';
    expect(terms(text, ['経済版「2＋2」'])).toEqual([['経済版「2＋2」', '経済版「2＋2」', 2]]);
  });

  it('lets the longer of two overlapping terms win, and returns text order', () => {
    expect(terms('CPTPPとTPP', ['TPP', 'CPTPP'])).toEqual([
      ['CPTPP', 'CPTPP', 0],
      ['TPP', 'TPP', 6],
    ]);
  });

  it('returns nothing for no terms or an empty term', () => {
    expect(findTerms('IPEF', [])).toEqual([]);
    expect(findTerms('IPEF', [''])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuery } from './query';
import { findOccurrences, containsTerm } from './match';
import { makeSnippet } from './snippet';
import { queryGrams, indexGrams } from './tokenizer';

const texts = (q: string) => parseQuery(q).map((t) => t.text);

describe('query parsing', () => {
  it('splits on half- and full-width spaces; all terms kept once', () => {
    expect(texts('米国 関税')).toEqual(['米国', '関税']);
    expect(texts('米国\u3000関税  米国')).toEqual(['米国', '関税']);
  });
  it('keeps Lunr syntax characters literal', () => {
    expect(texts('経済版「2+2」')).toEqual(['経済版「2+2」']);
    expect(texts('U.S.')).toEqual(['u.s.']);
    expect(texts('232条:')).toEqual(['232条:']);
    expect(texts('*')).toEqual(['*']);
    expect(texts('~1')).toEqual(['~1']);
    expect(texts('^')).toEqual(['^']);
    expect(texts('-')).toEqual(['-']);
    expect(texts('title:米国 +関税 -鉄鋼')).toEqual(['title:米国', '+関税', '-鉄鋼']);
  });
  it('reads "…" (also “…” and ＂…＂) as one phrase; an unclosed quote runs to the end', () => {
    expect(parseQuery('"Japan-U.S. Partnership"')).toEqual([
      { text: 'japan-u.s. partnership', wordStart: true, phrase: true },
    ]);
    expect(texts('“on Trade” 米国')).toEqual(['on trade', '米国']);
    expect(texts('"経済 産業')).toEqual(['経済産業']);
  });
  it('returns nothing for empty or blank input', () => {
    expect(parseQuery('')).toEqual([]);
    expect(parseQuery(' \u3000\n"" ')).toEqual([]);
  });
  it('marks terms starting with ASCII letters or digits as word prefixes', () => {
    expect(parseQuery('IPEF')[0]?.wordStart).toBe(true);
    expect(parseQuery('232条')[0]?.wordStart).toBe(true);
    expect(parseQuery('米国')[0]?.wordStart).toBe(false);
  });
  it('normalizes a 10,000-character query in one pass', () => {
    expect(parseQuery('米'.repeat(10_000))[0]?.text.length).toBe(10_000);
  });
});

describe('exact matching', () => {
  const term = (q: string) => parseQuery(q)[0]!;
  it('finds Japanese substrings, 1 and 2 characters too', () => {
    expect(findOccurrences('米国と米国', term('米国'))).toEqual([0, 2, 3, 5]);
    expect(findOccurrences('日米', term('米'))).toEqual([1, 2]);
  });
  it('matches Latin terms at word starts (whole words and prefixes) only', () => {
    expect(containsTerm('ipef交渉', term('IPE'))).toBe(true);
    expect(containsTerm('ipef交渉', term('PEF'))).toBe(false);
    expect(containsTerm('(ipef)', term('ipef'))).toBe(true);
    expect(containsTerm('1232条', term('232条'))).toBe(false);
    expect(containsTerm('法232条', term('232条'))).toBe(true);
  });
});

describe('n-grams', () => {
  const grams = (text: string) => {
    const out: string[] = [];
    indexGrams(text, out);
    return out;
  };
  it('indexes unigrams and bigrams within space-separated chunks', () => {
    expect(grams('米国 ab')).toEqual(['米', '国', '米国', 'a', 'b', 'ab']);
  });
  it('pairs word characters only: kanji, katakana, ASCII letters and digits', () => {
    expect(grams('をクリック。').join(' ')).toBe('を ク リ クリ ッ リッ ク ック 。');
    expect(grams('画像の2値化').join(' ')).toBe('画 像 画像 の 2 値 2値 化 値化');
  });
  it('asks for bigrams, or the single character', () => {
    expect(queryGrams('米')).toEqual(['米']);
    expect(queryGrams('米国人')).toEqual(['米国', '国人']);
    expect(queryGrams('on trade')).toEqual(['on', 'tr', 'ra', 'ad', 'de']);
    expect(queryGrams('𠮷野')).toEqual(['𠮷野']);
  });
  it('asks for word-character pairs and every character in none', () => {
    expect(queryGrams('をクリックします').join(' ')).toBe('を クリ リッ ック し ま す');
    expect(queryGrams('画像の')).toEqual(['画像', 'の']);
    expect(queryGrams('u.s.')).toEqual(['u', '.', 's']);
  });
  it('asks only for grams that every text containing the term holds (property)', () => {
    const piece = fc.constantFrom(
      '米',
      '国',
      'の',
      'を',
      'ク',
      'ー',
      'a',
      '2',
      ' ',
      '.',
      '「',
      '𠮷',
      'é',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (pieces, a, b) => {
          const text = pieces.join('');
          const from = a % pieces.length;
          const term = pieces
            .slice(from, from + 1 + (b % 8))
            .join('')
            .trim();
          if (term.length === 0) return;
          const held = new Set(grams(text));
          for (const g of queryGrams(term)) expect(held).toContain(g);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('snippets', () => {
  it('cuts about 70 characters around the first hit with highlights into the snippet', () => {
    const text = 'あ'.repeat(100) + '米国' + 'い'.repeat(100) + '米国';
    const s = makeSnippet(text, [
      [100, 102],
      [202, 204],
    ]);
    expect(s.text.length).toBeGreaterThanOrEqual(60);
    expect(s.text.length).toBeLessThanOrEqual(80);
    expect(s.highlights).toHaveLength(1);
    const [a, b] = s.highlights[0]!;
    expect(s.text.slice(a, b)).toBe('米国');
  });
  it('keeps short paragraphs whole', () => {
    const s = makeSnippet('米国の関税', [[0, 2]]);
    expect(s).toEqual({ text: '米国の関税', highlights: [[0, 2]], from: 0, to: 5 });
  });
});

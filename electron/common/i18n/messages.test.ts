import { describe, expect, it } from 'vitest';
import { format, placeholderNames, translate } from './format';
import { LANGUAGES, messages, type MessageKey } from './messages';
import { noResultsAdvice, noResultsHint } from './no-results';
import { resultsSummary } from './results-summary';

const keys = Object.keys(messages.ja) as MessageKey[];

describe('the string table', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(messages.en).sort()).toEqual([...keys].sort());
    for (const lang of LANGUAGES) {
      for (const [key, value] of Object.entries(messages[lang])) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of keys) {
      expect(placeholderNames(messages.en[key]), key).toEqual(placeholderNames(messages.ja[key]));
    }
  });

  it('has only well-formed placeholders: every brace belongs to one, every plural has `other`', () => {
    for (const lang of LANGUAGES) {
      for (const key of keys) {
        const template = messages[lang][key];
        // Filled with a number for every name, nothing of the placeholder syntax may remain.
        const params = Object.fromEntries(placeholderNames(template).map((n) => [n, 2]));
        expect(format(template, params, lang), `${lang}.${key}`).not.toMatch(/[{}]/);
        for (const plural of template.matchAll(/\{\w+, plural,/g)) {
          expect(template.slice(plural.index), `${lang}.${key}`).toMatch(/other \{/);
        }
      }
    }
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('ja', 'noResults', { query: '半導体' })).toBe(
      '「半導体」は見つかりませんでした。',
    );
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });

  it('does not read placeholders inside the values it inserts', () => {
    expect(translate('en', 'noResults', { query: '{query}' })).toBe('No results for “{query}”.');
  });

  it('chooses the plural branch by the language’s rules, exact numbers first', () => {
    const template = '{n, plural, =0 {none} one {# note} other {# notes}}';
    expect(format(template, { n: 0 }, 'en')).toBe('none');
    expect(format(template, { n: 1 }, 'en')).toBe('1 note');
    expect(format(template, { n: 2 }, 'en')).toBe('2 notes');
    // Japanese has no singular: "other" for every number.
    expect(format(template, { n: 1 }, 'ja')).toBe('1 notes');
    expect(format('{n, plural, other {# 件・{q}}}', { n: 3, q: '米国' }, 'ja')).toBe('3 件・米国');
    expect(format(template, {}, 'en')).toBe(template);
    expect(format(template, { n: 'x' }, 'en')).toBe(template);
  });

  it('writes English counts in the singular for one (“1 match”, not “1 matches”)', () => {
    expect(translate('en', 'hitCountLabel', { hits: 1 })).toBe('1 match');
    expect(translate('en', 'hitCountLabel', { hits: 12 })).toBe('12 matches');
    expect(translate('ja', 'hitCountLabel', { hits: 1 })).toBe('1 件の一致');
  });
});

describe('the summary over search results', () => {
  const one = { query: '関税', hits: 1, sections: 1, notes: 0 };

  it('says “1 match in 1 section” in English and counts in Japanese', () => {
    expect(resultsSummary('en', one)).toBe('“関税”: 1 match in 1 section');
    expect(resultsSummary('ja', one)).toBe('「関税」 1 項目・1 件');
  });

  it('counts notes apart from sections, and only when some matched', () => {
    const both = { query: '関税', hits: 5, sections: 2, notes: 1 };
    expect(resultsSummary('en', both)).toBe('“関税”: 5 matches in 2 sections and 1 note');
    expect(resultsSummary('ja', both)).toBe('「関税」 2 項目・メモ 1 件・5 件');
    const notesOnly = { query: '後で', hits: 2, sections: 0, notes: 2 };
    expect(resultsSummary('en', notesOnly)).toBe('“後で”: 2 matches in 2 notes');
    expect(resultsSummary('ja', notesOnly)).toBe('「後で」 メモ 2 件・2 件');
  });
});

describe('advice when nothing is found', () => {
  it('fits the query: a one-word query is never told to use fewer words', () => {
    const key = (q: string) => noResultsAdvice(q).key;
    expect(key('半導体')).toBe('noResultsOtherWord');
    expect(key('半導体 量子')).toBe('noResultsFewerWords');
    expect(noResultsAdvice('半導体　量子 "AI"').params).toEqual({ count: 3 });
    expect(key('"Japan U.S."')).toBe('noResultsUnquote');
    expect(key('"半導体"')).toBe('noResultsOtherWord');
    expect(key('IPEFX')).toBe('noResultsLatin');
    expect(key('インフレーション')).toBe('noResultsShorter');
    expect(key('  ')).toBe('noResultsNothing');
    expect(key('""')).toBe('noResultsNothing');
    for (const q of ['半導体', 'IPEFX', 'インフレーション', '"Japan U.S."'])
      expect(noResultsHint('en', q)).not.toMatch(/fewer/);
    expect(noResultsHint('en', '米国 量子')).toBe('No section holds all 2 words: try fewer words.');
    expect(noResultsHint('ja', '米国 量子')).toBe(
      '2 語すべてを含む項目はありません。語を減らしてみてください。',
    );
  });
});

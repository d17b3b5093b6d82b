// What to suggest when a search finds nothing, from the shape of the query as the core
// read it (its terms): more than one term — fewer words; a quoted phrase — the words
// without quotes; Latin letters — the Japanese name; katakana — kanji or the Latin
// spelling; a long word — a shorter part of it; otherwise another spelling (漢字・かな)
// or another name. A one-word query is never told to use fewer words. Pure, unit-tested.

export type NoResultsAdvice =
  'empty' | 'fewerWords' | 'unquote' | 'japaneseName' | 'otherScript' | 'shorter' | 'otherSpelling';

const LATIN = /^[\p{Script=Latin}0-9 .,'&-]+$/u;
const KATAKANA = /^[\p{Script=Katakana}ー・]+$/u;
/** A term at least this long (in characters) can be searched by a part of it. */
const LONG_TERM = 6;

/** The advice for a query that found nothing, from its terms as the core parsed them. */
export function noResultsAdvice(terms: readonly string[]): NoResultsAdvice {
  if (terms.length === 0) return 'empty';
  if (terms.length > 1) return 'fewerWords';
  const term = terms[0]!;
  // Only a quoted phrase keeps a space inside one term.
  if (/[\s\u3000]/u.test(term)) return 'unquote';
  if (LATIN.test(term)) return 'japaneseName';
  if (KATAKANA.test(term)) return 'otherScript';
  if ([...term].length >= LONG_TERM) return 'shorter';
  return 'otherSpelling';
}

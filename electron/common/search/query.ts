// Parsing of what the reader typed. Nothing in it is query syntax except spaces
// and double quotes: `経済版「2+2」`, `U.S.`, `232条:`, `*`, `~1`, `^`, `-` are
// literal text. Space-separated terms (ASCII or ideographic space) must all occur;
// `"…"` keeps its spaces and is one term (a phrase).
import { isLatinWordChar, isSearchSpace } from './chars';
import { normalizeText } from './normalize';

export interface QueryTerm {
  /** Normalized text to find. */
  text: string;
  /** Starts with an ASCII letter or digit: must start at a word boundary (word prefix). */
  wordStart: boolean;
  /** Came from a quoted phrase. */
  phrase: boolean;
}

const QUOTES = new Set([0x22, 0x201c, 0x201d, 0xff02, 0x201e, 0x201f]);

/** Splits raw input into normalized, de-duplicated terms (empty: nothing to search). */
export function parseQuery(raw: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (piece: string, phrase: boolean) => {
    const text = normalizeText(piece);
    if (text.length === 0 || seen.has(text)) return;
    seen.add(text);
    terms.push({ text, wordStart: isLatinWordChar(text.charCodeAt(0)), phrase });
  };
  let current = '';
  let i = 0;
  while (i < raw.length) {
    const cp = raw.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (QUOTES.has(cp)) {
      add(current, false);
      current = '';
      let j = i + 1;
      while (j < raw.length && !QUOTES.has(raw.charCodeAt(j))) j++;
      add(raw.slice(i + 1, j), true);
      i = j + 1;
      continue;
    }
    if (isSearchSpace(cp)) {
      add(current, false);
      current = '';
    } else {
      current += raw.slice(i, i + width);
    }
    i += width;
  }
  add(current, false);
  return terms;
}

// Exact matching of a query term on a normalized text: the step that makes search
// precise (the index only proposes candidates). Shared with the renderer, which
// can highlight a term in any text the same way.
import { isLatinWordChar } from './chars';
import type { QueryTerm } from './query';

/**
 * Non-overlapping occurrences of `term` in `normalized`, as flattened [start, end)
 * pairs in normalized offsets. A term starting with an ASCII letter or digit only
 * matches at the start of a word (whole words and word prefixes).
 */
export function findOccurrences(normalized: string, term: QueryTerm, out: number[] = []): number[] {
  const needle = term.text;
  let from = 0;
  for (;;) {
    const at = normalized.indexOf(needle, from);
    if (at < 0) return out;
    if (term.wordStart && at > 0 && isLatinWordChar(normalized.charCodeAt(at - 1))) {
      from = at + 1;
      continue;
    }
    out.push(at, at + needle.length);
    from = at + needle.length;
  }
}

/** Start of the first occurrence of `term` in `normalized` at or after `from`, or -1. */
export function firstOccurrence(normalized: string, term: QueryTerm, from = 0): number {
  for (;;) {
    const at = normalized.indexOf(term.text, from);
    if (at < 0) return -1;
    if (!term.wordStart || at === 0 || !isLatinWordChar(normalized.charCodeAt(at - 1))) return at;
    from = at + 1;
  }
}

/** True when `normalized` contains `term` under the same rules (no offsets). */
export function containsTerm(normalized: string, term: QueryTerm): boolean {
  if (!term.wordStart) return normalized.includes(term.text);
  return firstOccurrence(normalized, term) >= 0;
}

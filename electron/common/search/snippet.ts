// A result snippet: about 70 display characters of a paragraph around its first
// hit, with the hits inside it as highlight ranges into the snippet. Pure, so the
// renderer can cut the same snippets from any text.

export interface Snippet {
  text: string;
  /** [start, end) into `text`, sorted, non-overlapping. */
  highlights: [number, number][];
}

export const SNIPPET_LENGTH = 70;
const CONTEXT_BEFORE = 20;
const ELLIPSIS = '…';

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Cuts `text` around `ranges[0]` (display offsets); `ranges` sorted by start. */
export function makeSnippet(
  text: string,
  ranges: readonly (readonly [number, number])[],
  length = SNIPPET_LENGTH,
): Snippet {
  const first = ranges[0];
  if (!first) return { text: text.slice(0, length), highlights: [] };
  let start = Math.max(0, first[0] - CONTEXT_BEFORE);
  let end = Math.min(text.length, start + length);
  if (end - start < length) start = Math.max(0, end - length);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const highlights: [number, number][] = [];
  for (const [s, e] of ranges) {
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (to <= from) continue;
    const last = highlights[highlights.length - 1];
    if (last && from + shift <= last[1]) last[1] = Math.max(last[1], to + shift);
    else highlights.push([from + shift, to + shift]);
  }
  return { text: prefix + text.slice(start, end) + suffix, highlights };
}

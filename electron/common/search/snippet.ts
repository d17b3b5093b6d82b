// A result snippet: about 70 display characters of a paragraph around its first
// hit, with the hits inside it as highlight ranges into the snippet. The cut is
// made where a reader expects one (./boundaries.ts): after punctuation, at an
// opening bracket, or where a new run of another script begins — never inside a
// word (not 「…ューヨーク」). Pure, so the renderer can cut the same snippets from
// any text.
import { boundaryRank } from './boundaries';

export interface Snippet {
  text: string;
  /** [start, end) into `text`, sorted, non-overlapping. */
  highlights: [number, number][];
  /** Where the cut begins and ends in the source text (the ellipses not counted). */
  from: number;
  to: number;
}

export const SNIPPET_LENGTH = 70;
/** Context wanted before the first hit. */
const CONTEXT_BEFORE = 20;
/** The most context taken before the first hit to reach a clean start. */
const MAX_CONTEXT_BEFORE = 32;
/** The most a snippet's end moves back to end at a clean place. */
const MAX_END_SLACK = 12;
const ELLIPSIS = '…';

/**
 * Where to start: the text's start when it is near; else the best place between
 * MAX_CONTEXT_BEFORE before the hit and the hit itself — after punctuation before
 * a script change, the one nearest to CONTEXT_BEFORE before the hit among equals;
 * the hit itself when no clean place is near (a query may start inside a word).
 */
function snippetStart(text: string, hit: number): number {
  if (hit <= MAX_CONTEXT_BEFORE) return 0;
  const target = hit - CONTEXT_BEFORE;
  let best = -1;
  let bestRank = 0;
  for (let i = hit - MAX_CONTEXT_BEFORE; i < hit; i++) {
    const rank = boundaryRank(text, i);
    if (rank <= 0) continue;
    if (rank > bestRank || (rank === bestRank && Math.abs(i - target) < Math.abs(best - target))) {
      best = i;
      bestRank = rank;
    }
  }
  if (best >= 0) return best;
  // The hit itself; one code unit back if it starts on the second half of a pair.
  return boundaryRank(text, hit) < 0 ? hit - 1 : hit;
}

/** Where to end, at most `limit`: the latest clean place not before `floor`, else `limit` (whole characters). */
function snippetEnd(text: string, limit: number, floor: number): number {
  if (limit >= text.length) return text.length;
  for (let i = limit; i >= Math.max(floor, limit - MAX_END_SLACK); i--) {
    if (boundaryRank(text, i) > 0) return i;
  }
  return boundaryRank(text, limit) < 0 ? limit + 1 : limit;
}

/** Cuts `text` around `ranges[0]` (display offsets); `ranges` sorted by start. */
export function makeSnippet(
  text: string,
  ranges: readonly (readonly [number, number])[],
  length = SNIPPET_LENGTH,
): Snippet {
  const first = ranges[0];
  if (!first) {
    const end = snippetEnd(text, Math.min(text.length, length), 1);
    return {
      text: text.slice(0, end) + (end < text.length ? ELLIPSIS : ''),
      highlights: [],
      from: 0,
      to: end,
    };
  }
  let start = snippetStart(text, first[0]);
  let end = Math.min(text.length, start + length);
  if (end === text.length && end - start < length) {
    // Near the end of the text: more context before, from a clean place.
    const wanted = Math.max(0, end - length);
    if (wanted < start) {
      let i = wanted;
      while (i < start && boundaryRank(text, i) <= 0) i++;
      start = i;
    }
  }
  end = snippetEnd(text, end, Math.max(start + 1, Math.min(first[1], start + length)));
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
  return { text: prefix + text.slice(start, end) + suffix, highlights, from: start, to: end };
}

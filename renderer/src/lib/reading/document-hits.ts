// The search hits of the whole document, as the core lists them (every text hit in reading
// order, section by section, a section's title first), numbered once for the document:
// the hit bar says “5／7”, F3 / Shift+F3 step through all of them across sections, and
// each section draws its own hits with their document-wide numbers. Pure, unit-tested.
import type { DocumentHit } from '../../../../electron/common/api/types';
import type { MarkRange } from '../text/segments';
import { TITLE_KEY } from './hits';

export interface DocumentHits {
  /** The query the hits answer. */
  query: string;
  list: readonly DocumentHit[];
  /** Where each section's hits are in `list`. */
  bySection: ReadonlyMap<string, { first: number; count: number }>;
  /** Every hit of the document, even past the end of a truncated list. */
  total: number;
  /** The list stops before the last hit (the core lists at most so many). */
  truncated: boolean;
}

export function indexHits(
  query: string,
  list: readonly DocumentHit[],
  total = list.length,
  truncated = false,
): DocumentHits {
  const bySection = new Map<string, { first: number; count: number }>();
  list.forEach((hit, i) => {
    const seen = bySection.get(hit.sectionId);
    if (seen) seen.count++;
    else bySection.set(hit.sectionId, { first: i, count: 1 });
  });
  return { query, list, bySection, total, truncated };
}

/** A section's hits per paragraph (TITLE_KEY for its heading), with document-wide numbers. */
export function sectionMarks(
  hits: DocumentHits | null,
  sectionId: string,
): Record<string, MarkRange[]> {
  const out: Record<string, MarkRange[]> = {};
  const at = hits?.bySection.get(sectionId);
  if (!hits || !at) return out;
  for (let i = at.first; i < at.first + at.count; i++) {
    const hit = hits.list[i]!;
    (out[hit.paragraphId ?? TITLE_KEY] ??= []).push({ start: hit.start, end: hit.end, index: i });
  }
  return out;
}

/** The hit `step` away from `current`, wrapping round the document. */
export function stepIndex(current: number, step: 1 | -1, count: number): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return step > 0 ? 0 : count - 1;
  return (current + step + count) % count;
}

/**
 * The next hit (step 1) at or after the section ranked `rank` in reading order, or the
 * previous one (step -1) before it, wrapping round: where F3 goes once the reader has
 * moved away from the current hit. `rankOf` gives a section's place in reading order.
 */
export function hitFromSection(
  hits: DocumentHits,
  rankOf: (sectionId: string) => number,
  rank: number,
  step: 1 | -1,
): number {
  const n = hits.list.length;
  if (n === 0) return -1;
  // Hits are in reading order: binary search on the rank of their section.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rankOf(hits.list[mid]!.sectionId) < rank) lo = mid + 1;
    else hi = mid;
  }
  // lo: the first hit in or after the section.
  if (step > 0) return lo < n ? lo : 0;
  return lo > 0 ? lo - 1 : n - 1;
}

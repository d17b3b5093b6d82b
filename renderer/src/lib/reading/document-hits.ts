// The search hits of the whole document, as the core lists them (every text hit in reading
// order, section by section, a section's title first), numbered once for the document:
// the hit bar says “5／7”, F3 / Shift+F3 step through all of them across sections, and
// each section draws its own hits with their document-wide numbers. Pure, unit-tested.
//
// A section's marks are grouped by paragraph once per answer, when it is drawn (not for
// the thousands of sections never drawn), and what did not change since the answer before
// is handed over as the same objects (a paragraph's marks, a section's record; NO_MARKS
// where there are none): as the reader types, only the paragraphs whose hits changed are
// drawn again, and moving the current hit changes no marks at all (it is a number each
// mark compares with).
import type { DocumentHit } from '../../../../electron/common/api/types';
import type { MarkRange } from '../text/segments';
import { TITLE_KEY } from './hits';

/** A section's marks per paragraph (TITLE_KEY for its heading). */
export type SectionMarks = Readonly<Record<string, MarkRange[]>>;

/** The marks of a paragraph without hits: always this one array (never changed). */
export const NO_MARKS: MarkRange[] = Object.freeze([]) as unknown as MarkRange[];
/** The marks of a section without hits: always this one record. */
const NO_SECTION_MARKS: SectionMarks = Object.freeze({});

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
  /** The marks of the sections drawn so far (sectionMarks fills it). */
  readonly marks: Map<string, SectionMarks>;
  /** The marks the hits shown before had drawn, to keep where equal. */
  readonly before: ReadonlyMap<string, SectionMarks> | null;
}

/**
 * Indexes an answer's hits. `previous`: the hits shown before, whose marks are kept (the
 * same objects) wherever they are equal to the new ones.
 */
export function indexHits(
  query: string,
  list: readonly DocumentHit[],
  total = list.length,
  truncated = false,
  previous: DocumentHits | null = null,
): DocumentHits {
  const bySection = new Map<string, { first: number; count: number }>();
  list.forEach((hit, i) => {
    const seen = bySection.get(hit.sectionId);
    if (seen) seen.count++;
    else bySection.set(hit.sectionId, { first: i, count: 1 });
  });
  // Only the marks the hits before had drawn (never theirs before them: no chain is kept).
  const before = previous && previous.marks.size > 0 ? previous.marks : null;
  return { query, list, bySection, total, truncated, marks: new Map(), before };
}

/**
 * A section's hits per paragraph (TITLE_KEY for its heading), with document-wide numbers:
 * worked out when the section is first drawn for these hits, then the same object.
 */
export function sectionMarks(hits: DocumentHits | null, sectionId: string): SectionMarks {
  const at = hits?.bySection.get(sectionId);
  if (!hits || !at) return NO_SECTION_MARKS;
  let marks = hits.marks.get(sectionId);
  if (marks === undefined) {
    const built: Record<string, MarkRange[]> = {};
    for (let i = at.first; i < at.first + at.count; i++) {
      const hit = hits.list[i]!;
      (built[hit.paragraphId ?? TITLE_KEY] ??= []).push({
        start: hit.start,
        end: hit.end,
        index: i,
      });
    }
    marks = keepEqual(built, hits.before?.get(sectionId));
    hits.marks.set(sectionId, marks);
  }
  return marks;
}

/** `next`, with the parts equal to `before` taken from it (all of it when all are equal). */
function keepEqual(next: SectionMarks, before: SectionMarks | undefined): SectionMarks {
  if (!before) return next;
  const out: Record<string, MarkRange[]> = {};
  let same = Object.keys(before).length === Object.keys(next).length;
  for (const [key, ranges] of Object.entries(next)) {
    const old = before[key];
    if (old && sameRanges(old, ranges)) out[key] = old;
    else {
      out[key] = ranges;
      same = false;
    }
  }
  return same ? before : out;
}

function sameRanges(a: readonly MarkRange[], b: readonly MarkRange[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.start !== y.start || x.end !== y.end || x.index !== y.index) return false;
  }
  return true;
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

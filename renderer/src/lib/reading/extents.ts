// Where each section lies along the reading direction of the continuous view, and which
// of them are drawn. The view draws a window of sections around what is on screen; the
// rest of the document is two spacers (before and after the window) whose sizes are the
// sum of the sections they stand for: measured once a section has been drawn, estimated
// before. So a document of any length costs the layout of a few screens, and the scroll
// range stays as long as the document. Pure arithmetic over sizes along the block axis
// (down in horizontal writing, leftwards in vertical-rl), unit-tested.

export interface Extents {
  /** Where each section starts, from the start of the content. */
  readonly offsets: readonly number[];
  readonly sizes: readonly number[];
  /** The whole length of the content. */
  readonly total: number;
}

export function extentsOf(sizes: readonly number[]): Extents {
  const offsets: number[] = [];
  let at = 0;
  for (const size of sizes) {
    offsets.push(at);
    at += Math.max(0, size);
  }
  return { offsets, sizes, total: at };
}

/**
 * The section at position `pos` (the last one starting at or before it; 0 before the
 * first, the last past the end); -1 when there are none.
 */
export function indexAt(ext: Extents, pos: number): number {
  const n = ext.offsets.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ext.offsets[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  // Empty sections share their offset with the next one: the first of them is the one at pos.
  return lo;
}

/** An inclusive range of section indexes, first ≤ last. */
export interface IndexRange {
  first: number;
  last: number;
}

/** The sections that reach into [start, end). */
export function rangeOver(ext: Extents, start: number, end: number): IndexRange | null {
  const n = ext.offsets.length;
  if (n === 0) return null;
  const first = indexAt(ext, Math.max(0, start));
  let last = indexAt(ext, Math.max(start, end - 1));
  // A section that starts exactly at `end` is not in the range.
  while (last > first && ext.offsets[last]! >= end) last--;
  return { first, last };
}

export interface WindowMargins {
  /** How far past the end of the view sections are drawn ahead of the reader. */
  ahead: number;
  /** How far before the start of the view sections are drawn. */
  behind: number;
  /**
   * How far from the view drawn sections stay drawn (≥ ahead and behind): scrolling
   * back and forth a little neither drops nor redraws anything.
   */
  keep: number;
  /**
   * A document no longer than this is drawn whole (0: never). Drawing a short text whole
   * costs one layout of a few screens; windowing it costs a redraw of sections at almost
   * every jump, which is most of a jump's time.
   */
  whole: number;
}

/** How many screens long a document may be and still be drawn whole, once it is shown. */
export const WHOLE_DOCUMENT_SCREENS = 16;

/**
 * Margins for a view of `viewSize`: a screen and a half ahead, one behind, three kept; a
 * document of up to WHOLE_DOCUMENT_SCREENS drawn whole unless `whole` is false (the first
 * screen of a start, which should not wait for the text of the rest).
 */
export function marginsFor(viewSize: number, whole = true): WindowMargins {
  return {
    ahead: viewSize * 1.5,
    behind: viewSize,
    keep: viewSize * 3,
    whole: whole ? viewSize * WHOLE_DOCUMENT_SCREENS : 0,
  };
}

/**
 * Margins for the screen a jump lands on, drawn before the frame that shows it: half a
 * screen either side (a hit placed near a section's start shows the end of the one
 * before). The rest of the margins (marginsFor) are drawn after that frame: on the
 * synthetic document a hundred times this chapter, they were most of a far jump's
 * layout, for text the reader does not see yet.
 */
export function landingMargins(viewSize: number, whole = true): WindowMargins {
  return { ...marginsFor(viewSize, whole), ahead: viewSize / 2, behind: viewSize / 2 };
}

/**
 * The window of sections to draw for a view over [viewStart, viewStart + viewSize): every
 * section within the margins, grown to keep the sections of `previous` that are still
 * within `keep` — or every section of a document no longer than `whole`. Contiguous, so
 * the content is spacer, window, spacer.
 */
export function renderWindow(
  ext: Extents,
  viewStart: number,
  viewSize: number,
  margins: WindowMargins,
  previous: IndexRange | null = null,
): IndexRange | null {
  const wanted = rangeOver(
    ext,
    viewStart - margins.behind,
    viewStart + viewSize + Math.max(margins.ahead, 1),
  );
  if (!wanted) return null;
  if (ext.total <= margins.whole) return { first: 0, last: ext.offsets.length - 1 };
  let { first, last } = wanted;
  if (previous) {
    const kept = rangeOver(ext, viewStart - margins.keep, viewStart + viewSize + margins.keep);
    if (kept) {
      // Keep what was drawn and is still near, as long as it joins the wanted range.
      if (previous.first < first && previous.last >= first - 1)
        first = Math.max(previous.first, kept.first);
      if (previous.last > last && previous.first <= last + 1)
        last = Math.min(previous.last, kept.last);
    }
  }
  return { first, last };
}

/** Whether two windows are the same (nothing to redraw). */
export function sameRange(a: IndexRange | null, b: IndexRange | null): boolean {
  return a === b || (!!a && !!b && a.first === b.first && a.last === b.last);
}

/**
 * The lengths of the two spacers around `window`: what comes before its first section
 * and after its last.
 */
export function spacers(
  ext: Extents,
  window: IndexRange | null,
): { before: number; after: number } {
  if (!window) return { before: 0, after: ext.total };
  const end = ext.offsets[window.last]! + Math.max(0, ext.sizes[window.last]!);
  return { before: ext.offsets[window.first]!, after: Math.max(0, ext.total - end) };
}

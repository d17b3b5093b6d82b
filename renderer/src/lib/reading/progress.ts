// How far through the document and through the current section the reader is, for the
// discreet line at the foot of the reading pane. In the continuous view, the share of
// the scroll range behind the view (the document) and the share of the section's text
// up to the end of what is on screen (the section): a section whose last line is on
// screen is read through, whichever way the reader came to it, even while the space
// after its text is not; in paged mode, pages, up to the page its last line is on.
// Pure, unit-tested.
import type { Extents } from './extents';

export interface Progress {
  /** 0..1 through the whole document. */
  document: number;
  /** 0..1 through the section in view. */
  section: number;
}

/** The page the reader is on, of how many in the document (estimated until all are measured). */
export interface PageCount {
  page: number;
  total: number;
  exact: boolean;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * The share of a section's text (at `offset`, `size` long of which the last `trailing`
 * is the space after its text) that lies before `viewEnd`, the end of what is on screen.
 */
export function sectionShare(
  offset: number,
  size: number,
  trailing: number,
  viewEnd: number,
): number {
  const text = size - Math.min(Math.max(0, trailing), size);
  return text <= 0 ? 1 : clamp01((viewEnd - offset) / text);
}

/**
 * Progress in the continuous view, with section `index` the one in view; `trailing`:
 * the space after each section's text.
 */
export function scrollProgress(
  ext: Extents,
  index: number,
  viewStart: number,
  viewSize: number,
  trailing = 0,
): Progress {
  const range = ext.total - viewSize;
  const document = range <= 0 ? 1 : clamp01(viewStart / range);
  const size = ext.sizes[index] ?? 0;
  const offset = ext.offsets[index] ?? 0;
  const section = size <= 0 ? 1 : sectionShare(offset, size, trailing, viewStart + viewSize);
  // At the very end everything has been seen.
  return { document, section: document >= 1 ? 1 : section };
}

/**
 * Progress in paged mode: `page` (1-based) of `pages` in the document; of the section,
 * the pages of it turned so far (`sectionPage` of `sectionPages`, both 1-based).
 */
export function pagedProgress(
  page: number,
  pages: number,
  sectionPage: number,
  sectionPages: number,
): Progress {
  return {
    document: pages <= 1 ? 1 : clamp01(page / pages),
    section: sectionPages <= 0 ? 1 : clamp01(sectionPage / sectionPages),
  };
}

/** A share as a whole percentage, never 100 before the very end (99.6% reads 99). */
export function percent(share: number): number {
  const p = clamp01(share) * 100;
  return share >= 1 ? 100 : Math.min(99, Math.floor(p));
}

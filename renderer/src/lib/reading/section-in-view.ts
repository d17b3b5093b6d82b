// Which section the reader is in, as the continuous view scrolls: the section under the
// reading line, a line just inside the start of the view (the top in horizontal writing,
// the right edge in vertical-rl). The outline, the breadcrumb, the history entry and the
// saved position follow it. Near the end of the document the line slides towards the
// end of the view, so that short last sections, which can never reach the start of the
// view, still become the current one as the reader gets there. Pure, unit-tested.
import { indexAt, type Extents } from './extents';

/** How far inside the start of the view the reading line lies, in CSS pixels. */
export const READING_LINE_INSET = 12;
/** Over the last this-many views of scroll range, the line slides to the end of the view. */
const SLIDE = 1;

/**
 * Where the reading line is, for a view at `viewStart` of `viewSize` over content of
 * `total` length.
 */
export function readingLine(viewStart: number, viewSize: number, total: number): number {
  const inset = Math.min(READING_LINE_INSET, viewSize / 2);
  const remaining = Math.max(0, total - viewSize - viewStart);
  const slide = viewSize * SLIDE;
  if (remaining >= slide || slide <= 0) return viewStart + inset;
  // 0 when the slide begins, 1 at the very end of the scroll range.
  const t = 1 - remaining / slide;
  return viewStart + inset + t * (viewSize - 2 * inset);
}

/** The index of the section under the reading line; -1 when there are no sections. */
export function sectionInView(ext: Extents, viewStart: number, viewSize: number): number {
  return indexAt(ext, readingLine(viewStart, viewSize, ext.total));
}

/** How far `pos` is through section `index`, 0..1 (0 for an empty section). */
export function fractionThrough(ext: Extents, index: number, pos: number): number {
  const size = ext.sizes[index] ?? 0;
  if (size <= 0) return 0;
  return Math.min(1, Math.max(0, (pos - ext.offsets[index]!) / size));
}

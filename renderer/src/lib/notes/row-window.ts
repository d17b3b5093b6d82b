// Which rows of a long list are drawn: those in view and a margin around them (after a
// large import the notes list holds tens of thousands, and drawing every one made the
// panel slow to open and to scroll). Rows differ in height (a quote of three lines, a
// note, tags), so each drawn row's measured height is kept by its key and every other
// row counts as the estimate; the rows not drawn are stood in for by the list's padding.

/** Rows drawn at most, whatever the view's size and the heights measured. */
export const MAX_DRAWN_ROWS = 80;

/** The tops of the rows in list order, and the whole height as the last entry. */
export function rowOffsets(
  keys: readonly string[],
  measured: ReadonlyMap<string, number>,
  estimate: number,
): Float64Array {
  const offsets = new Float64Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++)
    offsets[i + 1] = offsets[i]! + (measured.get(keys[i]!) ?? estimate);
  return offsets;
}

/** The row at distance `y` from the list's top (clamped to the rows there are). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  // The last row whose top is at or above y.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Rows to draw: [start, end). */
export interface RowRange {
  start: number;
  end: number;
}

/**
 * The rows that meet the view [viewStart, viewEnd) (distances from the list's top),
 * widened by `margin` pixels each way, and at most `maxRows` of them — a bound on the
 * work whatever the heights measured.
 */
export function rowWindow(
  offsets: Float64Array,
  viewStart: number,
  viewEnd: number,
  margin: number,
  maxRows: number,
): RowRange {
  const count = offsets.length - 1;
  if (count <= 0 || viewEnd <= 0 || viewStart >= offsets[count]!) {
    // The list is out of view: a few rows at the end nearest to it, for focus and measuring.
    const at = viewEnd <= 0 ? 0 : Math.max(0, count - 1);
    return { start: at, end: Math.min(count, at + 1) };
  }
  const start = rowAt(offsets, Math.max(0, viewStart - margin));
  const last = rowAt(offsets, Math.max(0, viewEnd + margin - 1));
  return { start, end: Math.min(count, last + 1, start + maxRows) };
}

/** How far to scroll (along the list) to bring row `index` fully into the view. */
export function scrollToRow(
  offsets: Float64Array,
  index: number,
  viewStart: number,
  viewEnd: number,
): number {
  const top = offsets[index] ?? 0;
  const bottom = offsets[index + 1] ?? top;
  if (top < viewStart) return top - viewStart;
  if (bottom > viewEnd) return Math.min(top - viewStart, bottom - viewEnd);
  return 0;
}

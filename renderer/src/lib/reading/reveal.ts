// How far to scroll so that a passage (or the end of a selection being extended) comes
// into view with the least movement: nothing when it is in view already; when it does
// not fit, its start (the top in horizontal writing, the right edge in vertical-rl)
// is what shows. Used by the keyboard selection and by the note editor, which keeps
// the passage being annotated visible beside it.
import type { Rect } from './selection-anchor';

export interface ScrollDelta {
  /** Add to scrollLeft (negative: towards the left). */
  left: number;
  /** Add to scrollTop. */
  top: number;
}

/** The move along one axis that brings [start, end] inside [lo, hi] (start wins if too long). */
function along(start: number, end: number, lo: number, hi: number, startIsLow: boolean): number {
  if (start >= lo && end <= hi) return 0;
  if (end - start > hi - lo) return startIsLow ? start - lo : end - hi;
  return start < lo ? start - lo : end - hi;
}

/**
 * The scroll that brings `target` into `view` (both in client coordinates), keeping
 * `margin` pixels clear inside the view's edges along the reading direction.
 */
export function revealDelta(view: Rect, target: Rect, vertical: boolean, margin = 24): ScrollDelta {
  if (vertical) {
    // Columns run right to left: the passage's start is its right edge.
    const left = along(target.left, target.right, view.left + margin, view.right - margin, false);
    return { left, top: 0 };
  }
  const top = along(target.top, target.bottom, view.top + margin, view.bottom - margin, true);
  return { left: 0, top };
}

// Positions along the reading direction of a scrolling box, the same for both writing
// directions: down in horizontal writing; leftwards in vertical-rl, where Chromium counts
// scrollLeft from 0 at the right edge (the start) to negative values. Everything in the
// continuous view (the spacers, the section in view, the anchor kept across a relayout)
// works in these positions. Pure, unit-tested with plain objects.

export interface AxisBox {
  scrollTop: number;
  scrollLeft: number;
  readonly clientWidth: number;
  readonly clientHeight: number;
}

export interface BoxRect {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** How far along the reading direction the view has scrolled. */
export function scrollPos(box: AxisBox, vertical: boolean): number {
  return vertical ? -box.scrollLeft : box.scrollTop;
}

/** Scrolls to `pos` along the reading direction. */
export function setScrollPos(box: AxisBox, vertical: boolean, pos: number): void {
  if (vertical) box.scrollLeft = -Math.max(0, pos);
  else box.scrollTop = Math.max(0, pos);
}

/** The view's length along the reading direction. */
export function viewSize(box: AxisBox, vertical: boolean): number {
  return vertical ? box.clientWidth : box.clientHeight;
}

/**
 * Where `rect` begins along the reading direction, in the box's content (scroll)
 * coordinates: its top, or in vertical-rl its right edge, measured from the start.
 */
export function startIn(rect: BoxRect, box: BoxRect, pos: number, vertical: boolean): number {
  return vertical ? box.right - rect.right + pos : rect.top - box.top + pos;
}

/** The length of `rect` along the reading direction. */
export function lengthOf(rect: BoxRect, vertical: boolean): number {
  return vertical ? rect.right - rect.left : rect.bottom - rect.top;
}

/**
 * The scroll position that brings `rect` (a box on screen) to `inset` pixels inside the
 * start of the view, or centres it along the reading direction.
 */
export function bringTarget(
  rect: BoxRect,
  box: BoxRect,
  pos: number,
  size: number,
  vertical: boolean,
  how: 'start' | 'centre',
  inset: number,
): number {
  const start = startIn(rect, box, pos, vertical);
  return how === 'start' ? start - inset : start - (size - lengthOf(rect, vertical)) / 2;
}

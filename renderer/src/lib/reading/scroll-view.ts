// The continuous view's two readings of the page: where the reader is (the character at
// the start of the view, a line's inset in, where a place is kept and saved) and where a
// box is brought (just inside the start of the view, or centred). Out of FlowView so the
// view keeps to what it draws and when.
import { bringTarget, scrollPos, setScrollPos, viewSize } from './axis';
import { placeInView, type ViewPlace } from './place-in-view';
import { READING_LINE_INSET } from './section-in-view';

/** The place at the start of `scroller`'s view, read from the text drawn in `article`. */
export function placeAtViewStart(
  article: ParentNode,
  scroller: Element,
  vertical: boolean,
): ViewPlace | null {
  const box = scroller.getBoundingClientRect();
  const inset = Math.min(READING_LINE_INSET, 4);
  const view = vertical
    ? { top: box.top, bottom: box.bottom, left: box.left, right: box.right - inset }
    : { top: box.top + inset, bottom: box.bottom, left: box.left, right: box.right };
  return placeInView(article, view, vertical ? 'left' : 'down');
}

/** Scrolls `scroller` so that `rect` starts just inside the view (or is centred). */
export function bringIntoView(
  scroller: HTMLElement,
  rect: DOMRect,
  how: 'start' | 'centre',
  vertical: boolean,
): void {
  const box = scroller.getBoundingClientRect();
  const pos = scrollPos(scroller, vertical);
  const size = viewSize(scroller, vertical);
  const inset = READING_LINE_INSET / 2;
  setScrollPos(scroller, vertical, bringTarget(rect, box, pos, size, vertical, how, inset));
}

// The text place (lib/reading/anchor.ts) at the start of the view, read from the drawn
// text, and the box of a text place, to put it back there. The first heading or
// paragraph not wholly before the view is found in document order; inside a paragraph,
// the first character not before the view is found by bisection over its offsets (a
// character's box only moves forward as the offset grows), so a place is exact to the
// character in any writing direction and in pages as in the continuous view.
import { paragraphElement, pointInParagraph } from '../text/selection';
import type { BoxRect } from './axis';

/**
 * Which way the text moves on: `down` (horizontal writing, and pages in vertical
 * writing, which follow each other downwards), `left` (vertical-rl scrolling) or
 * `right` (pages in horizontal writing).
 */
export type Flow = 'down' | 'left' | 'right';

/** Whether a box is not wholly before the view in the flow. */
export function notBefore(rect: BoxRect, view: BoxRect, flow: Flow): boolean {
  switch (flow) {
    case 'down':
      return rect.bottom > view.top + 1;
    case 'left':
      return rect.left < view.right - 1;
    case 'right':
      return rect.right > view.left + 1;
  }
}

/** The box of the character at `offset` of paragraph `p` (its last one at the end). */
export function charRect(p: Element, offset: number): DOMRect | null {
  const length = (p.textContent ?? '').length;
  if (length === 0) return null;
  const k = Math.min(Math.max(0, offset), length - 1);
  const range = document.createRange();
  range.setStart(...pointInParagraph(p, k));
  range.setEnd(...pointInParagraph(p, k + 1));
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  return rects[rects.length - 1] ?? range.getBoundingClientRect();
}

export interface ViewPlace {
  sectionId: string;
  /** Null: a section's heading. */
  paragraphId: string | null;
  offset: number;
}

const CANDIDATES = '[data-heading-for], p[data-paragraph-id]';

function sectionOf(el: Element): string | null {
  return el.closest('[data-section-id]')?.getAttribute('data-section-id') ?? null;
}

/** The place of the first text at the start of `view` under `root`, or null when none is drawn. */
export function placeInView(root: ParentNode, view: BoxRect, flow: Flow): ViewPlace | null {
  for (const el of root.querySelectorAll(CANDIDATES)) {
    const rects = [...el.getClientRects()];
    const last = rects[rects.length - 1];
    if (!last || !notBefore(last, view, flow)) continue;
    const heading = el.getAttribute('data-heading-for');
    if (heading) return { sectionId: heading, paragraphId: null, offset: 0 };
    const sectionId = sectionOf(el);
    const paragraphId = el.getAttribute('data-paragraph-id');
    if (!sectionId || !paragraphId) continue;
    // The first character not before the view.
    let lo = 0;
    let hi = Math.max(0, (el.textContent ?? '').length - 1);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = charRect(el, mid);
      if (r && notBefore(r, view, flow)) hi = mid;
      else lo = mid + 1;
    }
    return { sectionId, paragraphId, offset: lo };
  }
  return null;
}

/** The box where a place is drawn under `root` (a heading, or a character), or null. */
export function placeRect(
  root: ParentNode,
  place: Pick<ViewPlace, 'sectionId' | 'paragraphId' | 'offset'>,
): DOMRect | null {
  if (place.paragraphId !== null) {
    const p = paragraphElement(root, place.paragraphId);
    if (p) return charRect(p, place.offset);
  }
  const heading = root.querySelector(`[data-heading-for="${CSS.escape(place.sectionId)}"]`);
  return heading?.getBoundingClientRect() ?? null;
}

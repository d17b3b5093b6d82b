// The continuous view's anchor: the first drawn paragraph or heading that reaches into
// the view, and where its start was relative to the start of the view. When sections
// before it are measured longer or shorter than estimated, or are drawn or dropped, the
// view moves by the anchor's shift before the frame is painted, so what the reader sees
// never jumps. Pure over the axis of lib/reading/axis.ts, unit-tested with plain objects.
import { lengthOf, scrollPos, setScrollPos, startIn, type AxisBox, type BoxRect } from './axis';

/** The scrolling box: its scroll and its box on screen. */
export interface AnchorBox extends AxisBox {
  getBoundingClientRect(): BoxRect;
}

export interface Anchorable {
  getBoundingClientRect(): BoxRect;
  readonly isConnected: boolean;
}

export class ViewAnchor {
  private held: { el: Anchorable; at: number } | null = null;

  /** Where `el` starts relative to the start of the view. */
  private static startInView(el: Anchorable, box: AnchorBox, vertical: boolean): number {
    const pos = scrollPos(box, vertical);
    return startIn(el.getBoundingClientRect(), box.getBoundingClientRect(), pos, vertical) - pos;
  }

  /** Holds on to the first of `candidates` (in reading order) that reaches into the view. */
  take(candidates: Iterable<Anchorable>, box: AnchorBox, vertical: boolean): void {
    this.held = null;
    for (const el of candidates) {
      const at = ViewAnchor.startInView(el, box, vertical);
      if (at + lengthOf(el.getBoundingClientRect(), vertical) > 0) {
        this.held = { el, at };
        return;
      }
    }
  }

  /**
   * Scrolls so that the anchor is where it was. Returns how far the view moved (0 when
   * it stayed), or null without an anchor still drawn.
   */
  restore(box: AnchorBox, vertical: boolean): number | null {
    const held = this.held;
    if (!held || !held.el.isConnected) return null;
    const delta = ViewAnchor.startInView(held.el, box, vertical) - held.at;
    if (Math.abs(delta) < 0.5) return 0;
    setScrollPos(box, vertical, scrollPos(box, vertical) + delta);
    return delta;
  }
}

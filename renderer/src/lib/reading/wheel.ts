// In vertical writing the text runs right to left, so the wheel's (or a touchpad's)
// vertical motion must move along the lines, leftwards: Chromium would scroll a
// vertical-rl box up and down, which in a column of lines does nothing. Horizontal
// gestures and Ctrl+wheel (zoom) are left to the browser, as is everything in
// horizontal writing. An attachment (`{@attach verticalWheel(…)}`) on the scroller.

export interface WheelLike {
  readonly deltaX: number;
  readonly deltaY: number;
  /** 0: pixels, 1: lines, 2: pages (WheelEvent.DOM_DELTA_*). */
  readonly deltaMode: number;
  readonly ctrlKey: boolean;
}

/** Pixels a "line" of wheel motion is worth (Chromium's own figure is about 40). */
export const WHEEL_LINE_PX = 40;

/**
 * How far `scrollLeft` moves for a wheel event in vertical writing, or null when the
 * event is not ours (horizontal motion, Ctrl+wheel).
 */
export function verticalWheelShift(e: WheelLike, pageWidth: number): number | null {
  if (e.ctrlKey || Math.abs(e.deltaX) >= Math.abs(e.deltaY)) return null;
  const unit = e.deltaMode === 1 ? WHEEL_LINE_PX : e.deltaMode === 2 ? pageWidth : 1;
  return -e.deltaY * unit;
}

export interface WheelTarget {
  scrollLeft: number;
  readonly clientWidth: number;
  addEventListener(
    type: 'wheel',
    listener: (e: WheelEvent) => void,
    options: AddEventListenerOptions,
  ): void;
  removeEventListener(type: 'wheel', listener: (e: WheelEvent) => void): void;
}

/** Turns vertical wheel motion into motion along the lines while `isVertical()` holds. */
export function verticalWheel(isVertical: () => boolean): (box: WheelTarget) => () => void {
  return (box) => {
    const onWheel = (e: WheelEvent) => {
      if (!isVertical()) return;
      const shift = verticalWheelShift(e, box.clientWidth);
      if (shift === null) return;
      e.preventDefault();
      box.scrollLeft += shift;
    };
    // Not passive: the browser's own (useless) scroll must be prevented.
    box.addEventListener('wheel', onWheel, { passive: false });
    return () => box.removeEventListener('wheel', onWheel);
  };
}

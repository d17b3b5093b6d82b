// The wheel in paged mode turns one page per gesture: the motion of a gesture adds up
// until it passes a threshold, a page is turned, and the wheel stays quiet while the
// gesture goes on (a touchpad's momentum must not flip through a chapter); a pause
// ends the gesture. Horizontal motion turns pages too (leftwards is on in vertical
// writing, where pages run right to left). Ctrl+wheel stays the browser's zoom.
import { wheelTurns } from './pagination';
import { WHEEL_LINE_PX, type WheelLike } from './wheel';

/** Motion that turns a page, in pixels. */
const TURN_PX = 40;
/** Quiet after a turn, and the pause that ends a gesture while quiet, in ms. */
const QUIET_MS = 250;
const GESTURE_GAP_MS = 200;
/** Pixels a "page" of wheel motion is worth. */
const WHEEL_PAGE_PX = 400;

export class WheelPager {
  private sum = 0;
  private quietUntil = 0;

  /** The page turn a wheel event at time `now` asks for, or null. */
  step(e: WheelLike, vertical: boolean, now: number): 1 | -1 | null {
    if (now < this.quietUntil) {
      this.quietUntil = now + GESTURE_GAP_MS;
      return null;
    }
    const along =
      Math.abs(e.deltaY) >= Math.abs(e.deltaX) ? e.deltaY : vertical ? -e.deltaX : e.deltaX;
    const unit = e.deltaMode === 1 ? WHEEL_LINE_PX : e.deltaMode === 2 ? WHEEL_PAGE_PX : 1;
    const { turns, rest } = wheelTurns(this.sum + along * unit, TURN_PX);
    this.sum = rest;
    if (turns === 0) return null;
    this.quietUntil = now + QUIET_MS;
    return turns > 0 ? 1 : -1;
  }
}

/** Turns pages with the wheel on `box` (an attachment); the browser's scrolling is prevented. */
export function pageWheel(
  isVertical: () => boolean,
  turn: (step: 1 | -1) => void,
): (box: HTMLElement) => () => void {
  return (box) => {
    const pager = new WheelPager();
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey) return;
      e.preventDefault();
      const step = pager.step(e, isVertical(), performance.now());
      if (step !== null) turn(step);
    };
    box.addEventListener('wheel', onWheel, { passive: false });
    return () => box.removeEventListener('wheel', onWheel);
  };
}

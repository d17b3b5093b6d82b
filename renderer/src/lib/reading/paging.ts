// Keyboard paging along the reading direction, for keys no control claimed: ↓/↑ a
// line, PageDown/PageUp and Space (Shift+Space back) nine tenths of a screen, Home/End
// the two ends; in vertical writing ←/→ move along the lines too (← goes forward: the
// lines run right to left). The rule is decided as a move (`pagingMove`, no layout
// needed, unit-tested) and applied by `scrollByKey`.
import { applyFraction, type ScrollBox } from '../text/scroll';

/** One ↓/↑ step, in CSS pixels (about a line of text at the default size). */
export const LINE_STEP = 48;
/** The share of the visible text one page moves (a little stays in view). */
export const PAGE_SHARE = 0.9;

/** `by`: forward (positive) or back along the reading direction; `to`: one of the two ends. */
export type PagingMove = { kind: 'by'; forward: number } | { kind: 'to'; fraction: 0 | 1 };

export interface PagingKey {
  key: string;
  shiftKey: boolean;
}

/** Controls whose own keys win: Space presses a focused button or link, it does not page. */
const CONTROLS = 'button, a, select, summary, [role="tab"], [role="button"]';

/**
 * The move a key asks for, or null when the key is not a paging key here. `onControl`:
 * focus is on a control (then Space is the control's).
 */
export function pagingMove(
  key: PagingKey,
  vertical: boolean,
  view: { readonly clientWidth: number; readonly clientHeight: number },
  onControl: boolean,
): PagingMove | null {
  if (key.key === ' ' && onControl) return null;
  const page = (vertical ? view.clientWidth : view.clientHeight) * PAGE_SHARE;
  switch (key.key) {
    case 'ArrowDown':
      return { kind: 'by', forward: LINE_STEP };
    case 'ArrowUp':
      return { kind: 'by', forward: -LINE_STEP };
    case 'ArrowLeft':
    case 'ArrowRight':
      if (!vertical) return null;
      return { kind: 'by', forward: key.key === 'ArrowLeft' ? LINE_STEP : -LINE_STEP };
    case 'PageDown':
      return { kind: 'by', forward: page };
    case 'PageUp':
      return { kind: 'by', forward: -page };
    case ' ':
      return { kind: 'by', forward: key.shiftKey ? -page : page };
    case 'Home':
      return { kind: 'to', fraction: 0 };
    case 'End':
      return { kind: 'to', fraction: 1 };
    default:
      return null;
  }
}

export interface PagedBox extends ScrollBox {
  scrollBy(options: { left?: number; top?: number; behavior: 'auto' | 'smooth' }): void;
}

export interface PagingEvent extends PagingKey {
  readonly target: EventTarget | null;
  readonly repeat: boolean;
  preventDefault(): void;
}

function onControl(target: EventTarget | null): boolean {
  const el = target as { closest?: (selector: string) => unknown } | null;
  return typeof el?.closest === 'function' && !!el.closest(CONTROLS);
}

/**
 * Scrolls `box` for a paging key (and prevents the key's default); leaves other keys
 * alone. Smooth unless the reader prefers reduced motion or holds the key down.
 */
export function scrollByKey(
  box: PagedBox,
  e: PagingEvent,
  vertical: boolean,
  reducedMotion: boolean,
): void {
  const move = pagingMove(e, vertical, box, onControl(e.target));
  if (!move) return;
  e.preventDefault();
  if (move.kind === 'to') {
    applyFraction(box, vertical, move.fraction);
    return;
  }
  const behavior = reducedMotion || e.repeat ? 'auto' : 'smooth';
  // In vertical-rl forward is leftwards: a negative scrollLeft step.
  if (vertical) box.scrollBy({ left: -move.forward, behavior });
  else box.scrollBy({ top: move.forward, behavior });
}

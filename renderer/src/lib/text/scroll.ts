// Reading position as a fraction of the scroll range *in the reading direction*:
// downwards in horizontal writing, leftwards in vertical-rl. Chromium reports a
// vertical-rl scroller's scrollLeft as 0 at the right edge (the start) and negative
// towards the left, so the magnitude is what counts.

export interface ScrollBox {
  scrollTop: number;
  scrollLeft: number;
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  readonly clientWidth: number;
  readonly clientHeight: number;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

export function readFraction(box: ScrollBox, vertical: boolean): number {
  const range = vertical ? box.scrollWidth - box.clientWidth : box.scrollHeight - box.clientHeight;
  if (range <= 0) return 0;
  const pos = vertical ? Math.abs(box.scrollLeft) : box.scrollTop;
  return clamp01(pos / range);
}

export function applyFraction(box: ScrollBox, vertical: boolean, fraction: number): void {
  const f = clamp01(fraction);
  if (vertical) {
    box.scrollLeft = -Math.round(f * Math.max(0, box.scrollWidth - box.clientWidth));
  } else {
    box.scrollTop = Math.round(f * Math.max(0, box.scrollHeight - box.clientHeight));
  }
}

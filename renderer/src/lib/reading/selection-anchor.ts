// Where a small floating element goes beside a passage of the text: the colour bar
// beside a selection, a note's pop-up beside its highlight. It must never cover the
// passage, in either writing direction. In horizontal writing it sits above the
// passage (the side already read) or, without room there, below it; in vertical
// writing (vertical-rl: columns run right to left) to the right of the passage or,
// without room, to its left. Along the other axis it lines up with the part of the
// passage it is next to (the first line above / on the right, the last one below / on
// the left), kept inside the bounds. Pure geometry on client rects, unit-tested.

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Which side of the passage the element went to. */
export type Side = 'above' | 'below' | 'right' | 'left';

export interface Placement {
  left: number;
  top: number;
  side: Side;
  /** True only when the bounds had no room on either side and the element overlaps. */
  covers: boolean;
}

export interface AnchorOptions {
  /** Space between the passage and the element, in CSS pixels. */
  gap?: number;
  /** 'before': above / right first (the default); 'after': below / left first. */
  prefer?: 'before' | 'after';
}

export const ANCHOR_GAP = 8;

/** The smallest rect holding every rect (empty rects are skipped). */
export function unionRect(rects: readonly Rect[]): Rect | null {
  const real = rects.filter((r) => r.right > r.left || r.bottom > r.top);
  if (real.length === 0) return null;
  return {
    left: Math.min(...real.map((r) => r.left)),
    top: Math.min(...real.map((r) => r.top)),
    right: Math.max(...real.map((r) => r.right)),
    bottom: Math.max(...real.map((r) => r.bottom)),
  };
}

/** The part of `r` inside `bounds`, or a zero-size rect on the nearest edge when none is. */
export function clipRect(r: Rect, bounds: Rect): Rect {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return {
    left: clamp(r.left, bounds.left, bounds.right),
    right: clamp(r.right, bounds.left, bounds.right),
    top: clamp(r.top, bounds.top, bounds.bottom),
    bottom: clamp(r.bottom, bounds.top, bounds.bottom),
  };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** `start` moved so that [start, start + length] stays inside [lo, hi] (lo wins if too long). */
function fit(start: number, length: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(start, hi - length));
}

/**
 * Where to put an element of `size` beside the passage drawn by `rects` (its client
 * rects, in reading order), inside `bounds` (the visible part of the reading pane).
 */
export function placeBeside(
  rects: readonly Rect[],
  bounds: Rect,
  size: Size,
  vertical: boolean,
  options: AnchorOptions = {},
): Placement {
  const gap = options.gap ?? ANCHOR_GAP;
  const union = unionRect(rects) ?? {
    left: bounds.left,
    top: bounds.top,
    right: bounds.left,
    bottom: bounds.top,
  };
  const target = clipRect(union, bounds);
  const visible = rects
    .map((r) => clipRect(r, bounds))
    .filter((r) => r.right > r.left && r.bottom > r.top);
  const first = visible[0] ?? target;
  const last = visible[visible.length - 1] ?? target;

  // The two candidate sides, in order of preference, with the room each has.
  const sides: { side: Side; room: number }[] = vertical
    ? [
        { side: 'right', room: bounds.right - target.right - gap },
        { side: 'left', room: target.left - bounds.left - gap },
      ]
    : [
        { side: 'above', room: target.top - bounds.top - gap },
        { side: 'below', room: bounds.bottom - target.bottom - gap },
      ];
  if (options.prefer === 'after') sides.reverse();
  const need = vertical ? size.width : size.height;
  const chosen =
    sides.find((s) => s.room >= need) ?? (sides[0]!.room >= sides[1]!.room ? sides[0]! : sides[1]!);
  const fits = chosen.room >= need;

  let left: number;
  let top: number;
  switch (chosen.side) {
    case 'above':
      top = target.top - gap - size.height;
      left = first.left + (first.right - first.left) / 2 - size.width / 2;
      break;
    case 'below':
      top = target.bottom + gap;
      left = last.left + (last.right - last.left) / 2 - size.width / 2;
      break;
    case 'right':
      left = target.right + gap;
      top = first.top;
      break;
    case 'left':
      left = target.left - gap - size.width;
      top = last.top;
      break;
  }
  // Along the passage: lined up with it, inside the bounds.
  if (vertical) top = fit(top, size.height, bounds.top, bounds.bottom);
  else left = fit(left, size.width, bounds.left, bounds.right);
  // Across: only when there was no room on either side, pushed back inside the bounds.
  if (!fits) {
    if (vertical) left = fit(left, size.width, bounds.left, bounds.right);
    else top = fit(top, size.height, bounds.top, bounds.bottom);
  }
  const box = { left, top, right: left + size.width, bottom: top + size.height };
  return { left, top, side: chosen.side, covers: visible.some((r) => intersects(box, r)) };
}

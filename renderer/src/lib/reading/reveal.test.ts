import { describe, expect, it } from 'vitest';
import { revealDelta } from './reveal';

const view = { left: 300, top: 100, right: 1100, bottom: 800 };
const r = (left: number, top: number, right: number, bottom: number) => ({
  left,
  top,
  right,
  bottom,
});

describe('revealDelta', () => {
  it('does not move for a passage in view', () => {
    expect(revealDelta(view, r(400, 300, 600, 330), false)).toEqual({ left: 0, top: 0 });
    expect(revealDelta(view, r(700, 200, 732, 600), true)).toEqual({ left: 0, top: 0 });
  });

  it('scrolls the least that brings it in, with a margin, in horizontal writing', () => {
    expect(revealDelta(view, r(400, 790, 600, 820), false)).toEqual({ left: 0, top: 820 - 776 });
    expect(revealDelta(view, r(400, 40, 600, 70), false)).toEqual({
      left: 0,
      top: 40 - 124,
    });
  });

  it('shows the start (the top) of a passage taller than the view', () => {
    expect(revealDelta(view, r(400, 500, 600, 1600), false).top).toBe(500 - 124);
  });

  it('moves along the columns in vertical writing, the right edge first for a wide passage', () => {
    expect(revealDelta(view, r(200, 300, 232, 600), true)).toEqual({ left: 200 - 324, top: 0 });
    expect(revealDelta(view, r(1090, 300, 1122, 600), true)).toEqual({ left: 1122 - 1076, top: 0 });
    expect(revealDelta(view, r(0, 300, 1500, 600), true).left).toBe(1500 - 1076);
  });
});

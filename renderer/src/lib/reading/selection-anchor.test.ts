import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { clipRect, placeBeside, unionRect, type Rect } from './selection-anchor';

const pane: Rect = { left: 300, top: 100, right: 1100, bottom: 800 };
const bar = { width: 220, height: 36 };
const tall = { width: 36, height: 220 };

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({
  left,
  top,
  right,
  bottom,
});

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('placeBeside, horizontal writing', () => {
  it('puts the bar above a one-line selection, centred on it', () => {
    const sel = rect(500, 400, 700, 430);
    const p = placeBeside([sel], pane, bar, false);
    expect(p.side).toBe('above');
    expect(p.top).toBe(400 - 8 - 36);
    expect(p.left).toBe(600 - 110);
    expect(p.covers).toBe(false);
  });

  it('goes below when the selection is at the top of the pane', () => {
    const sel = rect(500, 110, 700, 140);
    const p = placeBeside([sel], pane, bar, false);
    expect(p.side).toBe('below');
    expect(p.top).toBe(148);
    expect(p.covers).toBe(false);
  });

  it('lines up with the first line above and the last line below a multi-line selection', () => {
    const lines = [rect(960, 300, 1090, 330), rect(340, 332, 1000, 362), rect(340, 364, 420, 394)];
    const above = placeBeside(lines, pane, bar, false);
    expect(above.side).toBe('above');
    expect(above.top + bar.height).toBeLessThanOrEqual(300);
    // Centred on 1025, pulled back inside the pane's right edge.
    expect(above.left).toBe(pane.right - bar.width);
    const below = placeBeside(lines, { ...pane, top: 290 }, bar, false);
    expect(below.side).toBe('below');
    expect(below.top).toBeGreaterThanOrEqual(394);
    expect(below.left).toBe(pane.left); // centred on 380, kept inside the left edge
  });

  it('prefers below when asked (a note pop-up under its highlight)', () => {
    const p = placeBeside([rect(500, 400, 700, 430)], pane, bar, false, { prefer: 'after' });
    expect(p.side).toBe('below');
    expect(p.top).toBe(438);
  });

  it('says so when the selection fills the pane and the bar has to overlap it', () => {
    const p = placeBeside([rect(300, 105, 1100, 795)], pane, bar, false);
    expect(p.covers).toBe(true);
    expect(p.top).toBeGreaterThanOrEqual(pane.top);
    expect(p.top + bar.height).toBeLessThanOrEqual(pane.bottom);
  });

  it('stays inside the pane when the selection is scrolled out of view', () => {
    const p = placeBeside([rect(500, -400, 700, -370)], pane, bar, false);
    expect(p.top).toBeGreaterThanOrEqual(pane.top);
  });
});

describe('placeBeside, vertical writing', () => {
  it('puts the bar to the right of a one-column selection, level with its top', () => {
    const sel = rect(700, 200, 732, 420);
    const p = placeBeside([sel], pane, tall, true);
    expect(p.side).toBe('right');
    expect(p.left).toBe(740);
    expect(p.top).toBe(200);
    expect(p.covers).toBe(false);
  });

  it('goes to the left when the selection is at the right edge', () => {
    const sel = rect(1060, 200, 1092, 420);
    const p = placeBeside([sel], pane, tall, true);
    expect(p.side).toBe('left');
    expect(p.left).toBe(1060 - 8 - 36);
    expect(p.covers).toBe(false);
  });

  it('lines up with the last column on the left and keeps inside the bottom edge', () => {
    // Three columns, right to left; the last one ends low in the pane.
    const cols = [rect(1030, 700, 1062, 790), rect(996, 110, 1028, 790), rect(962, 110, 994, 760)];
    const p = placeBeside(cols, pane, tall, true);
    expect(p.side).toBe('left');
    expect(p.left + tall.width).toBeLessThanOrEqual(962);
    expect(p.top).toBe(110);
    const low = placeBeside([rect(700, 700, 732, 790)], pane, tall, true);
    expect(low.top + tall.height).toBe(pane.bottom);
  });
});

describe('unionRect and clipRect', () => {
  it('skips empty rects and clips to the bounds', () => {
    expect(unionRect([rect(5, 5, 5, 5)])).toBeNull();
    expect(unionRect([rect(0, 0, 10, 10), rect(20, 5, 30, 40)])).toEqual(rect(0, 0, 30, 40));
    expect(clipRect(rect(0, 0, 2000, 50), pane)).toEqual(rect(300, 100, 1100, 100));
  });
});

// Any passage inside the pane that leaves room on one side: the bar never covers it and
// stays inside the pane, in both writing directions.
const passage = fc
  .record({
    x: fc.integer({ min: 300, max: 1000 }),
    y: fc.integer({ min: 100, max: 700 }),
    w: fc.integer({ min: 8, max: 100 }),
    h: fc.integer({ min: 8, max: 100 }),
    lines: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ x, y, w, h, lines }) =>
    Array.from({ length: lines }, (_, i) =>
      rect(x, y + i * h, Math.min(1100, x + w), Math.min(800, y + (i + 1) * h)),
    ),
  );

test.prop([passage, fc.boolean()])(
  'never covers a passage when there is room',
  (rects, vertical) => {
    const size = vertical ? tall : bar;
    const p = placeBeside(rects, pane, size, vertical);
    const u = unionRect(rects)!;
    const room = vertical
      ? Math.max(pane.right - u.right, u.left - pane.left) - 8
      : Math.max(u.top - pane.top, pane.bottom - u.bottom) - 8;
    fc.pre(room >= (vertical ? size.width : size.height));
    const box = rect(p.left, p.top, p.left + size.width, p.top + size.height);
    expect(p.covers).toBe(false);
    for (const r of rects) expect(overlaps(box, r)).toBe(false);
    expect(box.left).toBeGreaterThanOrEqual(pane.left);
    expect(box.right).toBeLessThanOrEqual(pane.right);
    expect(box.top).toBeGreaterThanOrEqual(pane.top);
    expect(box.bottom).toBeLessThanOrEqual(pane.bottom);
  },
);

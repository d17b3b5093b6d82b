import { describe, expect, it } from 'vitest';
import { bringTarget, lengthOf, scrollPos, setScrollPos, startIn, viewSize } from './axis';

describe('positions along the reading direction', () => {
  it('are scrollTop in horizontal writing', () => {
    const box = { scrollTop: 300, scrollLeft: 0, clientWidth: 900, clientHeight: 700 };
    expect(scrollPos(box, false)).toBe(300);
    setScrollPos(box, false, 450);
    expect(box.scrollTop).toBe(450);
    expect(viewSize(box, false)).toBe(700);
    const pane = { top: 50, bottom: 750, left: 0, right: 900 };
    expect(startIn({ top: 150, bottom: 400, left: 10, right: 800 }, pane, 450, false)).toBe(550);
    expect(lengthOf({ top: 150, bottom: 400, left: 10, right: 800 }, false)).toBe(250);
  });

  it('count leftwards from the right edge in vertical-rl (scrollLeft 0 to negative)', () => {
    const box = { scrollTop: 0, scrollLeft: -300, clientWidth: 900, clientHeight: 700 };
    expect(scrollPos(box, true)).toBe(300);
    setScrollPos(box, true, 480);
    expect(box.scrollLeft).toBe(-480);
    setScrollPos(box, true, -5);
    expect(box.scrollLeft).toBe(-0);
    expect(viewSize(box, true)).toBe(900);
    const pane = { top: 0, bottom: 700, left: 100, right: 1000 };
    // A column whose right edge is 200 px left of the pane's right edge, scrolled 480.
    expect(startIn({ top: 0, bottom: 700, left: 700, right: 800 }, pane, 480, true)).toBe(680);
    expect(lengthOf({ top: 0, bottom: 700, left: 700, right: 800 }, true)).toBe(100);
  });
});

describe('bringTarget', () => {
  const box = { top: 0, bottom: 500, left: 0, right: 800 };
  it('puts a box just inside the start of the view, or centres it', () => {
    const rect = { top: 300, bottom: 340, left: 0, right: 800 };
    expect(bringTarget(rect, box, 100, 500, false, 'start', 6)).toBe(394);
    expect(bringTarget(rect, box, 100, 500, false, 'centre', 6)).toBe(170);
  });
  it('counts leftwards from the right edge in vertical writing', () => {
    const rect = { top: 0, bottom: 500, left: 560, right: 600 };
    expect(bringTarget(rect, box, 0, 800, true, 'start', 6)).toBe(194);
  });
});

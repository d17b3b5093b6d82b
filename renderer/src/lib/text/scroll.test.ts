import { describe, expect, it } from 'vitest';
import { scrollBox as box } from '../testing/fixtures';
import { applyFraction, readFraction } from './scroll';

describe('reading fraction', () => {
  it('reads downwards in horizontal writing', () => {
    expect(readFraction(box({ scrollTop: 2000 }), false)).toBe(0.5);
  });

  it('reads leftwards in vertical-rl (negative scrollLeft in Chromium)', () => {
    expect(readFraction(box({ scrollLeft: -1000 }), true)).toBe(0.5);
  });

  it('is 0 when nothing scrolls, and clamps', () => {
    expect(readFraction(box({ scrollHeight: 1000, scrollTop: 10 }), false)).toBe(0);
    expect(readFraction(box({ scrollTop: 99_999 }), false)).toBe(1);
  });

  it('applies a fraction in either direction and round-trips', () => {
    const h = box();
    applyFraction(h, false, 0.25);
    expect(h.scrollTop).toBe(1000);
    const v = box();
    applyFraction(v, true, 0.75);
    expect(v.scrollLeft).toBe(-1500);
    expect(readFraction(v, true)).toBe(0.75);
    applyFraction(v, true, Number.NaN);
    expect(v.scrollLeft === 0).toBe(true);
  });
});

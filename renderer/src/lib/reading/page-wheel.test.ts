import { describe, expect, it } from 'vitest';
import { WheelPager } from './page-wheel';

const wheel = (deltaY: number, deltaX = 0, deltaMode = 0) => ({
  deltaX,
  deltaY,
  deltaMode,
  ctrlKey: false,
});

describe('WheelPager', () => {
  it('turns once the motion passes the threshold, then stays quiet through the gesture', () => {
    const p = new WheelPager();
    expect(p.step(wheel(20), false, 0)).toBeNull();
    expect(p.step(wheel(30), false, 10)).toBe(1);
    // Momentum: events keep coming less than 200 ms apart, and turn nothing.
    for (let t = 100; t < 1000; t += 100) expect(p.step(wheel(120), false, t)).toBeNull();
    // A pause ends the gesture: the next one turns again.
    expect(p.step(wheel(-120), false, 1300)).toBe(-1);
  });

  it('reads lines and pages of motion, and sideways motion by the writing direction', () => {
    expect(new WheelPager().step(wheel(1, 0, 1), false, 0)).toBe(1);
    expect(new WheelPager().step(wheel(-1, 0, 2), false, 0)).toBe(-1);
    // Leftwards is on in vertical writing, back in horizontal writing.
    expect(new WheelPager().step(wheel(0, -60), true, 0)).toBe(1);
    expect(new WheelPager().step(wheel(0, -60), false, 0)).toBe(-1);
  });
});

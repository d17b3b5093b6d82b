import { describe, expect, it, vi } from 'vitest';
import { verticalWheel, verticalWheelShift, WHEEL_LINE_PX, type WheelTarget } from './wheel';

const wheel = (over: Partial<WheelEvent> = {}) =>
  ({
    deltaX: 0,
    deltaY: 100,
    deltaMode: 0,
    ctrlKey: false,
    preventDefault: vi.fn(),
    ...over,
  }) as unknown as WheelEvent;

describe('vertical wheel shift', () => {
  it('turns downward wheel motion into leftward motion, in pixels, lines or pages', () => {
    expect(verticalWheelShift(wheel({ deltaY: 100 }), 800)).toBe(-100);
    expect(verticalWheelShift(wheel({ deltaY: -3, deltaMode: 1 }), 800)).toBe(3 * WHEEL_LINE_PX);
    expect(verticalWheelShift(wheel({ deltaY: 1, deltaMode: 2 }), 800)).toBe(-800);
  });

  it('leaves horizontal gestures and Ctrl+wheel (zoom) to the browser', () => {
    expect(verticalWheelShift(wheel({ deltaX: 120, deltaY: 20 }), 800)).toBeNull();
    expect(verticalWheelShift(wheel({ ctrlKey: true }), 800)).toBeNull();
  });
});

describe('verticalWheel attachment', () => {
  function target() {
    const listeners = new Set<(e: WheelEvent) => void>();
    const box: WheelTarget = {
      scrollLeft: -200,
      clientWidth: 800,
      addEventListener: (_type, listener, options) => {
        expect(options).toEqual({ passive: false });
        listeners.add(listener);
      },
      removeEventListener: (_type, listener) => listeners.delete(listener),
    };
    return { box, listeners };
  }

  it('scrolls along the lines in vertical writing only, and detaches', () => {
    let vertical = true;
    const { box, listeners } = target();
    const detach = verticalWheel(() => vertical)(box);
    const down = wheel({ deltaY: 50 });
    for (const l of listeners) l(down);
    expect(box.scrollLeft).toBe(-250);
    expect(down.preventDefault).toHaveBeenCalled();
    vertical = false;
    const again = wheel({ deltaY: 50 });
    for (const l of listeners) l(again);
    expect(box.scrollLeft).toBe(-250);
    expect(again.preventDefault).not.toHaveBeenCalled();
    detach();
    expect(listeners.size).toBe(0);
  });
});

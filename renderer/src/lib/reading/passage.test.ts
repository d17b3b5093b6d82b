import { describe, expect, it } from 'vitest';
import { centreDelta } from './passage';

const view = { left: 0, top: 100, right: 800, bottom: 700 };

describe('centreDelta', () => {
  it('centres a passage along the lines in horizontal writing', () => {
    expect(centreDelta(view, { left: 50, top: 1000, right: 300, bottom: 1040 }, false)).toEqual({
      left: 0,
      top: 620,
    });
    expect(centreDelta(view, { left: 50, top: 380, right: 300, bottom: 420 }, false).top).toBe(0);
  });

  it('centres it across the columns in vertical writing (right to left)', () => {
    expect(centreDelta(view, { left: -420, top: 120, right: -380, bottom: 500 }, true)).toEqual({
      left: -800,
      top: 0,
    });
  });
});

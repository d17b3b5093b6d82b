import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  extentsOf,
  indexAt,
  landingMargins,
  marginsFor,
  rangeOver,
  renderWindow,
  sameRange,
  spacers,
} from './extents';

// Twelve sections as in the bundled chapter, sizes in pixels (one empty heading-only part).
const SIZES = [120, 600, 300, 300, 0, 280, 900, 400, 1500, 1100, 800, 1300];
const ext = extentsOf(SIZES);

describe('section extents', () => {
  it('places each section after the ones before it', () => {
    expect(ext.offsets.slice(0, 5)).toEqual([0, 120, 720, 1020, 1320]);
    expect(ext.total).toBe(SIZES.reduce((a, b) => a + b, 0));
  });

  it('finds the section at a position, the first of empty ones sharing it', () => {
    expect(indexAt(ext, 0)).toBe(0);
    expect(indexAt(ext, 119)).toBe(0);
    expect(indexAt(ext, 120)).toBe(1);
    // Sections 4 (empty) and 5 start at 1320: the later one holds the text there.
    expect(indexAt(ext, 1320)).toBe(5);
    expect(indexAt(ext, -50)).toBe(0);
    expect(indexAt(ext, ext.total + 10)).toBe(11);
    expect(indexAt(extentsOf([]), 0)).toBe(-1);
  });

  it('lists the sections that reach into a range', () => {
    expect(rangeOver(ext, 100, 800)).toEqual({ first: 0, last: 2 });
    // A section starting exactly at the end is outside.
    expect(rangeOver(ext, 0, 720)).toEqual({ first: 0, last: 1 });
  });
});

describe('the window of drawn sections', () => {
  const view = 800;
  // Windowed: the twelve sections above are 9,300 px, under 16 screens of 800.
  const margins = marginsFor(view, false);

  it('draws a document of up to sixteen screens whole, once it is shown', () => {
    expect(ext.total).toBeLessThan(16 * view);
    expect(renderWindow(ext, 2000, view, marginsFor(view))).toEqual({ first: 0, last: 11 });
    expect(renderWindow(ext, 0, view, marginsFor(view), { first: 0, last: 2 })).toEqual({
      first: 0,
      last: 11,
    });
    // Longer than sixteen screens: windowed as before.
    const long = extentsOf([...SIZES, ...SIZES]);
    expect(long.total).toBeGreaterThan(16 * view);
    expect(renderWindow(long, 2000, view, marginsFor(view))).toEqual({ first: 3, last: 8 });
  });

  it('draws what is on screen and a screen and a half ahead, one behind', () => {
    const w = renderWindow(ext, 2000, view, margins);
    // View 2000–2800: drawn from 1200 (in section 3) to 4000 (section 8 starts at 2900).
    expect(w).toEqual({ first: 3, last: 8 });
    const { before, after } = spacers(ext, w);
    expect(before).toBe(ext.offsets[3]);
    expect(before + SIZES.slice(3, 9).reduce((a, b) => a + b, 0) + after).toBe(ext.total);
  });

  it("draws a jump's landing with half a screen either side; the margins come after", () => {
    const long = extentsOf([...SIZES, ...SIZES]);
    // Landing on section 8 (2900–4400): 2500–4100 drawn, sections 7–8; the full margins
    // then reach 2100–4900, sections 6–9.
    expect(renderWindow(long, long.offsets[8]!, view, landingMargins(view))).toEqual({
      first: 7,
      last: 8,
    });
    expect(renderWindow(long, long.offsets[8]!, view, marginsFor(view))).toEqual({
      first: 6,
      last: 9,
    });
    // What is drawn already and still near stays drawn; a short document stays whole.
    expect(
      renderWindow(long, long.offsets[8]!, view, landingMargins(view), { first: 5, last: 8 }),
    ).toEqual({ first: 5, last: 8 });
    expect(renderWindow(ext, ext.offsets[8]!, view, landingMargins(view))).toEqual({
      first: 0,
      last: 11,
    });
  });

  it('keeps what was drawn and is still near, so a little scrolling back redraws nothing', () => {
    const first = renderWindow(ext, 2000, view, margins);
    const back = renderWindow(ext, 1500, view, margins, first);
    expect(back!.last).toBe(first!.last);
    // Far away: nothing of the old window is kept.
    const far = renderWindow(ext, 6500, view, margins, back);
    expect(far!.first).toBeGreaterThan(first!.last - 2);
    expect(sameRange(far, back)).toBe(false);
  });

  test.prop([
    fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 200 }),
    fc.integer({ min: 0, max: 400_000 }),
    fc.integer({ min: 200, max: 2000 }),
    fc.boolean(),
  ])('always covers the view, contiguously, with spacers that add up', (sizes, at, size, whole) => {
    const e = extentsOf(sizes);
    const start = Math.min(at, Math.max(0, e.total - size));
    const w = renderWindow(e, start, size, marginsFor(size, whole))!;
    expect(w.first).toBeLessThanOrEqual(w.last);
    // Every section with text on screen is drawn.
    for (let i = 0; i < sizes.length; i++) {
      const a = e.offsets[i]!;
      const b = a + sizes[i]!;
      if (sizes[i]! > 0 && b > start && a < start + size) {
        expect(i).toBeGreaterThanOrEqual(w.first);
        expect(i).toBeLessThanOrEqual(w.last);
      }
    }
    const { before, after } = spacers(e, w);
    const drawn = sizes.slice(w.first, w.last + 1).reduce((x, y) => x + y, 0);
    expect(before + drawn + after).toBe(e.total);
  });
});

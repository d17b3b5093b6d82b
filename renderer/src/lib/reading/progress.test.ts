import { describe, expect, it } from 'vitest';
import { extentsOf } from './extents';
import { pagedProgress, percent, scrollProgress } from './progress';

const ext = extentsOf([1000, 500, 2500]);

describe('reading progress', () => {
  it('is the share of the scroll range behind the view, and of the section seen', () => {
    const start = scrollProgress(ext, 0, 0, 800);
    expect(start.document).toBe(0);
    expect(start.section).toBe(0.8);
    const middle = scrollProgress(ext, 2, 1600, 800);
    expect(middle.document).toBeCloseTo(1600 / 3200);
    expect(middle.section).toBeCloseTo(900 / 2500);
    const end = scrollProgress(ext, 2, 3200, 800);
    expect(end).toEqual({ document: 1, section: 1 });
  });

  it('is whole in a document shorter than the view', () => {
    expect(scrollProgress(extentsOf([300]), 0, 0, 800)).toEqual({ document: 1, section: 1 });
  });

  it('counts pages in paged mode', () => {
    expect(pagedProgress(12, 40, 2, 4)).toEqual({ document: 0.3, section: 0.5 });
    expect(pagedProgress(1, 1, 1, 1)).toEqual({ document: 1, section: 1 });
  });

  it('never says 100 % before the end', () => {
    expect(percent(0.996)).toBe(99);
    expect(percent(1)).toBe(100);
    expect(percent(0)).toBe(0);
    expect(percent(Number.NaN)).toBe(0);
  });
});

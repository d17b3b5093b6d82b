import { describe, expect, it } from 'vitest';
import { extentsOf } from './extents';
import { pagedProgress, percent, scrollProgress, sectionShare } from './progress';

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

describe('section progress counts to the end of what is on screen', () => {
  // Sections of 1000, 600 and 2000 px, each ending in 27 px of space after its text.
  const ext = extentsOf([1000, 600, 2000]);
  const trailing = 27;

  it('reaches 100% once the last line is on screen, the space after it not yet', () => {
    // Section 1 (1000..1600): its text ends at 1573; the view (800 px) ends there.
    expect(scrollProgress(ext, 1, 773, 800, trailing).section).toBe(1);
    expect(scrollProgress(ext, 1, 772, 800, trailing).section).toBeLessThan(1);
    // Without the space counted, it would still be short of the end.
    expect(scrollProgress(ext, 1, 773, 800).section).toBeLessThan(1);
  });

  it('is the same rule going back: a section scrolled back into with its end on screen is read', () => {
    // Reading back from section 2 into section 1: the view starts inside section 1 and
    // its end is on screen.
    expect(scrollProgress(ext, 1, 1100, 800, trailing).section).toBe(1);
    // Further back, the part of section 1 up to the end of the view.
    const back = scrollProgress(ext, 1, 200, 800, trailing).section;
    expect(back).toBeCloseTo(0, 5);
    expect(scrollProgress(ext, 1, 500, 800, trailing).section).toBeCloseTo(300 / 573, 5);
  });

  it('holds for the share rule itself, whatever the axis', () => {
    expect(sectionShare(0, 100, 10, 90)).toBe(1);
    expect(sectionShare(0, 100, 10, 45)).toBe(0.5);
    expect(sectionShare(0, 100, 10, -5)).toBe(0);
    // A section that is all space is read as soon as it is reached.
    expect(sectionShare(0, 10, 20, 0)).toBe(1);
  });
});

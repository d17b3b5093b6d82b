import { describe, expect, it } from 'vitest';
import { extentsOf } from './extents';
import { fractionThrough, readingLine, READING_LINE_INSET, sectionInView } from './section-in-view';

// A long section, two short ones, a long one, and two short ones at the very end.
const ext = extentsOf([2000, 150, 150, 3000, 200, 250]);
const view = 800;

describe('the section in view', () => {
  it('is the one under a line just inside the start of the view', () => {
    expect(readingLine(0, view, ext.total)).toBe(READING_LINE_INSET);
    expect(sectionInView(ext, 0, view)).toBe(0);
    expect(sectionInView(ext, 1990, view)).toBe(1);
    expect(sectionInView(ext, 2150, view)).toBe(2);
    expect(sectionInView(ext, 2400, view)).toBe(3);
  });

  it('reaches the short sections at the end, which never reach the start of the view', () => {
    const end = ext.total - view;
    // The last section starts inside the last view: at the very end it is the one in view.
    expect(sectionInView(ext, end, view)).toBe(5);
    // Before the slide begins, the long section is still the one.
    expect(sectionInView(ext, end - view - 1, view)).toBe(3);
    // The line moves steadily: never backwards as the reader scrolls on.
    let last = 0;
    for (let at = 0; at <= end; at += 25) {
      const i = sectionInView(ext, at, view);
      expect(i).toBeGreaterThanOrEqual(last);
      last = i;
    }
  });

  it('says how far through a section a position is', () => {
    expect(fractionThrough(ext, 0, 500)).toBe(0.25);
    expect(fractionThrough(ext, 3, 1000)).toBe(0);
    expect(fractionThrough(ext, 0, 9999)).toBe(1);
    expect(fractionThrough(extentsOf([0]), 0, 0)).toBe(0);
  });
});

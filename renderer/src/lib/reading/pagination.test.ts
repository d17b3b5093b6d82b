import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  estimateRunPages,
  documentPage,
  edgeTurn,
  locatePage,
  pageAt,
  pageCount,
  pageMap,
  pageStart,
  pagedKey,
  stride,
  wheelTurns,
} from './pagination';

const g = { page: 700, gap: 40 };

describe('pages of a run', () => {
  it('counts the columns a run lays out, the last one without its gap', () => {
    expect(stride(g)).toBe(740);
    expect(pageCount(700, g)).toBe(1);
    expect(pageCount(3 * 740 - 40, g)).toBe(3);
    // Sub-pixel layout does not make a page more or less.
    expect(pageCount(3 * 740 - 40.6, g)).toBe(3);
    expect(pageCount(0, g)).toBe(1);
  });

  it('finds the page that holds an offset, and where a page begins', () => {
    expect(pageAt(0, g, 3)).toBe(0);
    expect(pageAt(739, g, 3)).toBe(0);
    expect(pageAt(740, g, 3)).toBe(1);
    expect(pageAt(99_999, g, 3)).toBe(2);
    expect(pageStart(2, g)).toBe(1480);
  });

  test.prop([fc.integer({ min: 1, max: 500 }), fc.integer({ min: 100, max: 2000 })])(
    'a page starts on the page it is',
    (pages, page) => {
      const geo = { page, gap: 32 };
      for (let i = 0; i < pages; i += Math.max(1, Math.floor(pages / 7)))
        expect(pageAt(pageStart(i, geo), geo, pages)).toBe(i);
    },
  );
});

describe('pages of the document', () => {
  it('adds up the runs, estimating the ones not measured yet', () => {
    const map = pageMap([12, null, 5], () => 7.4);
    expect(map).toEqual({ starts: [0, 12, 19], total: 24, exact: false });
    expect(pageMap([12, 3], () => 0).exact).toBe(true);
    expect(documentPage(map, 1, 2)).toBe(14);
    expect(locatePage(map, 14)).toEqual({ run: 1, page: 2 });
    expect(locatePage(map, 12)).toEqual({ run: 1, page: 0 });
    expect(locatePage(map, 0)).toEqual({ run: 0, page: 0 });
    expect(locatePage(map, 999)).toEqual({ run: 2, page: 4 });
  });
});

describe('turning pages', () => {
  it('turns back at the left edge and on at the right in horizontal writing, the other way in vertical', () => {
    expect(edgeTurn(50, 1000, false)).toBe(-1);
    expect(edgeTurn(950, 1000, false)).toBe(1);
    expect(edgeTurn(500, 1000, false)).toBeNull();
    expect(edgeTurn(50, 1000, true)).toBe(1);
    expect(edgeTurn(950, 1000, true)).toBe(-1);
  });

  it('turns one page per wheel gesture once it has moved far enough', () => {
    expect(wheelTurns(30, 60)).toEqual({ turns: 0, rest: 30 });
    expect(wheelTurns(120, 60)).toEqual({ turns: 1, rest: 0 });
    expect(wheelTurns(-61, 60)).toEqual({ turns: -1, rest: 0 });
  });

  it('turns pages by key along the writing direction', () => {
    const k = (key: string, shiftKey = false) => ({ key, shiftKey });
    expect(pagedKey(k(' '), false, false)).toBe(1);
    expect(pagedKey(k(' ', true), false, false)).toBe(-1);
    expect(pagedKey(k(' '), false, true)).toBeNull();
    expect(pagedKey(k('ArrowRight'), false, false)).toBe(1);
    expect(pagedKey(k('ArrowRight'), true, false)).toBe(-1);
    expect(pagedKey(k('ArrowLeft'), true, false)).toBe(1);
    expect(pagedKey(k('PageUp'), true, false)).toBe(-1);
    expect(pagedKey(k('End'), true, false)).toBe('last');
    expect(pagedKey(k('a'), true, false)).toBeNull();
  });
});

describe('estimateRunPages', () => {
  const runs = [['a', 'b'], ['c'], ['d', 'e', 'f', 'g']];
  it('gives a run not measured the pages per section of those measured', () => {
    expect(estimateRunPages(2, runs, [6, null, null], null)).toBe(12);
    // The run laid out counts before its count is kept.
    expect(estimateRunPages(2, runs, [6, null, null], { run: 1, pages: 6 })).toBe(16);
    expect(estimateRunPages(2, runs, [6, 3, null], { run: 1, pages: 9 })).toBe(12);
  });
  it('is a page a section before anything is measured, and never under one page', () => {
    expect(estimateRunPages(2, runs, [null, null, null], null)).toBe(4);
    expect(estimateRunPages(1, runs, [0, null, null], null)).toBe(1);
  });
});

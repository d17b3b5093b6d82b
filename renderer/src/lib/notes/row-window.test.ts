import { describe, expect, it } from 'vitest';
import { rowAt, rowOffsets, rowWindow, scrollToRow } from './row-window';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

describe('row window', () => {
  it('places measured rows at their height and the others at the estimate', () => {
    const offsets = rowOffsets(['a', 'b', 'c'], new Map([['b', 100]]), 40);
    expect([...offsets]).toEqual([0, 40, 140, 180]);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 39.5)).toBe(0);
    expect(rowAt(offsets, 40)).toBe(1);
    expect(rowAt(offsets, 139)).toBe(1);
    expect(rowAt(offsets, 10_000)).toBe(2);
    expect(rowAt(rowOffsets([], new Map(), 40), 10)).toBe(0);
  });

  it('draws the rows in view and a margin, however long the list', () => {
    const offsets = rowOffsets(keys(10_000), new Map(), 50);
    // A 600 px view at the top, 200 px margin: rows 0 … 15.
    expect(rowWindow(offsets, 0, 600, 200, 80)).toEqual({ start: 0, end: 16 });
    // Far down: rows around 5,000 only.
    const w = rowWindow(offsets, 250_000, 250_600, 200, 80);
    expect(w).toEqual({ start: 4996, end: 5016 });
    // At most maxRows, whatever the view's size.
    const tall = rowWindow(offsets, 0, 1_000_000, 0, 80);
    expect(tall.end - tall.start).toBe(80);
  });

  it('keeps one row drawn when the list is scrolled out of view', () => {
    const offsets = rowOffsets(keys(100), new Map(), 50);
    expect(rowWindow(offsets, -900, -100, 50, 80)).toEqual({ start: 0, end: 1 });
    expect(rowWindow(offsets, 6000, 6600, 50, 80)).toEqual({ start: 99, end: 100 });
    expect(rowWindow(rowOffsets([], new Map(), 50), 0, 600, 50, 80)).toEqual({
      start: 0,
      end: 0,
    });
  });

  it('scrolls a row fully into view, the shortest way', () => {
    const offsets = rowOffsets(keys(100), new Map(), 50);
    expect(scrollToRow(offsets, 10, 0, 600)).toBe(0);
    expect(scrollToRow(offsets, 20, 0, 600)).toBe(450);
    expect(scrollToRow(offsets, 2, 500, 1100)).toBe(-400);
  });
});

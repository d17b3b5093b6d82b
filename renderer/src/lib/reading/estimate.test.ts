import { describe, expect, it } from 'vitest';
import { estimateSize, linesFor, sizeFromText, textMetrics, type TextMetrics } from './estimate';

// 40 characters of 18 px a line, 行送り 1.9.
const m: TextMetrics = { lineLength: 720, fontSize: 18, linePitch: 34.2 };

describe('estimated section sizes', () => {
  it('counts lines at the line length', () => {
    expect(linesFor(40, 18, 720)).toBe(1);
    expect(linesFor(41, 18, 720)).toBe(2);
    expect(linesFor(0, 18, 720)).toBe(1);
  });

  it('estimates from the text once it is known: longer text, longer section', () => {
    const short = sizeFromText({ kind: 'part', titleLength: 10, paragraphs: [100] }, m)!;
    const long = sizeFromText({ kind: 'part', titleLength: 10, paragraphs: [100, 400] }, m)!;
    // 400 characters and the indent: 11 lines more.
    expect(long - short).toBeCloseTo(11 * 34.2, 0);
    expect(sizeFromText({ kind: 'part', titleLength: 10, paragraphs: null }, m)).toBeNull();
  });

  it('falls back to the measured sections of the same kind, then of any kind', () => {
    const measured = new Map([
      ['dated', { total: 900, count: 3 }],
      ['part', { total: 2000, count: 1 }],
    ] as const);
    const unknown = { kind: 'dated', titleLength: 30, paragraphs: null } as const;
    expect(estimateSize(unknown, m, measured)).toBe(300);
    expect(estimateSize({ ...unknown, kind: 'topic' }, m, measured)).toBe(725);
    // Nothing measured yet: a heading and a few lines, never zero.
    expect(estimateSize(unknown, m, new Map())).toBeGreaterThan(6 * 34);
  });
});

describe('textMetrics', () => {
  it('takes the drawn line length, at least eight characters, else forty', () => {
    expect(textMetrics(18, 720)).toEqual({ lineLength: 720, fontSize: 18, linePitch: 18 * 1.9 });
    expect(textMetrics(18, 50).lineLength).toBe(144);
    expect(textMetrics(18, null).lineLength).toBe(720);
  });
});

import { describe, expect, it } from 'vitest';
import type { FlowLine } from './headings';
import { listingLineNumbers } from './line-numbers';
import { line } from './testing';

const at = (text: string, x: number, y: number): FlowLine => ({
  line: line(text, x, y),
  region: 1,
  role: 'body',
  level: 0,
});

describe('listingLineNumbers', () => {
  it('finds a column of integers counting up beside a listing, and nothing else', () => {
    const flow = [
      at('8', 60, 100),
      at('Standards-Version: 4.0.0', 80, 100),
      at('9', 60, 112),
      at('Homepage: x', 80, 112),
      at('10', 60, 124),
      at('本文の 12 という数', 62, 140),
      at('12', 62, 160),
    ];
    expect([...listingLineNumbers(flow)]).toEqual([0, 2, 4]);
    expect(listingLineNumbers([at('3', 60, 100), at('7', 60, 112)]).size).toBe(0);
  });
});

// Test support: lines and runs as a PDF page would give them, placed by hand.
import type { Line, TextRun } from './lines';

let row = 1_000_000;

/** A horizontal line of `text` at (x, y) in a `size`-point font, one em per character. */
export function line(text: string, x: number, y: number, options: Partial<Line> = {}): Line {
  const size = options.size ?? 10;
  return {
    text,
    x0: x,
    y0: y,
    x1: x + Array.from(text).length * size,
    y1: y + size,
    size,
    font: 'body',
    vertical: false,
    page: 1,
    row: row++,
    ...options,
  };
}

export function run(
  text: string,
  x: number,
  y: number,
  size = 10,
  extra: Partial<TextRun> = {},
): TextRun {
  return {
    text,
    x0: x,
    y0: y - size * 0.88,
    x1: x + Array.from(text).length * size,
    y1: y + size * 0.12,
    size,
    font: 'f',
    vertical: false,
    ...extra,
  };
}

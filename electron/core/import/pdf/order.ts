// Reading order from coordinates: a recursive XY-cut. A page (or part of one) is cut
// where a band of white space crosses it completely. Horizontal text: columns first —
// a vertical gutter that runs through the whole region splits it into columns read
// left to right — otherwise a horizontal gap splits it into bands read top to bottom
// (so a title across both columns is read before them, and a figure across the page
// between the columns above it and those below). Vertical text (縦書き) is the
// transpose: tiers (段) top to bottom first, columns right to left within each.
// Inside a region that cannot be cut, lines are read in order of their rows.
import type { Line } from './lines';

export interface OrderedLine {
  line: Line;
  /** Lines of one region are one column of text: a paragraph may only continue inside it or into the next region. */
  region: number;
}

interface Interval {
  lo: number;
  hi: number;
}

/** Gaps between the union of intervals, at least `min` wide, as [start, end] pairs. */
function gaps(intervals: Interval[], min: number): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a.lo - b.lo);
  const out: [number, number][] = [];
  let reach = -Infinity;
  for (const iv of sorted) {
    if (reach !== -Infinity && iv.lo - reach >= min) out.push([reach, iv.lo]);
    reach = Math.max(reach, iv.hi);
  }
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

let regionCounter = 0;

function cut(lines: Line[], vertical: boolean, out: OrderedLine[], depth: number): void {
  if (lines.length === 0) return;
  const size = median(lines.map((l) => l.size)) || 10;
  const xs = lines.map((l) => ({ lo: l.x0, hi: l.x1 }));
  const ys = lines.map((l) => ({ lo: l.y0, hi: l.y1 }));
  // Columns (horizontal text) or tiers (vertical text) first.
  const primary = vertical ? gaps(ys, 1.5 * size) : gaps(xs, 1.2 * size);
  const secondary = vertical ? gaps(xs, 1.2 * size) : gaps(ys, 1.0 * size);
  const split = (along: 'x' | 'y', at: [number, number][]) => {
    const bounds = at.map(([a, b]) => (a + b) / 2);
    const parts: Line[][] = bounds.map(() => []).concat([[]]);
    for (const l of lines) {
      const c = along === 'x' ? (l.x0 + l.x1) / 2 : (l.y0 + l.y1) / 2;
      let i = 0;
      while (i < bounds.length && c > bounds[i]!) i++;
      parts[i]!.push(l);
    }
    return parts.filter((p) => p.length > 0);
  };
  if (depth < 12) {
    if (primary.length > 0) {
      const parts = split(vertical ? 'y' : 'x', primary);
      // A "column" of one or two short lines beside text is a label (a number before a
      // heading), not a column: only cut when every part has at least two rows.
      const rows = (p: Line[]) => new Set(p.map((l) => Math.round(vertical ? l.x0 : l.y0))).size;
      if (parts.length > 1 && parts.every((p) => rows(p) >= 2)) {
        for (const p of parts) cut(p, vertical, out, depth + 1);
        return;
      }
    }
    if (secondary.length > 0) {
      const parts = split(vertical ? 'x' : 'y', secondary);
      if (parts.length > 1) {
        const ordered = vertical ? parts.reverse() : parts;
        for (const p of ordered) cut(p, vertical, out, depth + 1);
        return;
      }
    }
  }
  const region = ++regionCounter;
  const sorted = [...lines].sort((a, b) =>
    vertical
      ? b.x1 - a.x1 || a.y0 - b.y0
      : Math.abs(a.y1 - b.y1) < 0.35 * size
        ? a.x0 - b.x0
        : a.y1 - b.y1,
  );
  for (const line of sorted) out.push({ line, region });
}

/** The page's lines in reading order, each with the region (column) it was read in. */
export function readingOrder(lines: readonly Line[]): OrderedLine[] {
  const vertical = lines.filter((l) => l.vertical).length > lines.length / 2;
  const out: OrderedLine[] = [];
  // Lines of the other direction (a horizontal caption on a vertical page) come after.
  cut(
    lines.filter((l) => l.vertical === vertical),
    vertical,
    out,
    0,
  );
  cut(
    lines.filter((l) => l.vertical !== vertical),
    !vertical,
    out,
    0,
  );
  return out;
}

// Reading order from coordinates: a recursive XY-cut. A page (or part of one) is cut
// where a band of white space crosses it completely. Horizontal text: columns first —
// a vertical gutter that runs through the whole region splits it into columns read
// left to right — otherwise a horizontal gap splits it into bands read top to bottom
// (so a title across both columns is read before them, and a figure across the page
// between the columns above it and those below). Vertical text (縦書き) is the
// transpose: tiers (段) top to bottom first, columns right to left within each.
// Inside a region that cannot be cut, lines are read in order of their rows. A cut
// into three or more columns whose lines stand on the same baselines, row after row,
// is a table, not columns of text: it stays one region, read row by row, each cell's
// lines together (a row is then one paragraph, ./paragraphs.ts).
import type { Line } from './lines';

export interface OrderedLine {
  line: Line;
  /** Lines of one region are one column of text: a paragraph may only continue inside it or into the next region. */
  region: number;
  /** A line of a table's cell, read row by row. */
  table?: TableCell;
}

/** Where a line stands in a table: its row, and whether it opens its cell (or continues it). */
export interface TableCell {
  row: number;
  cellStart: boolean;
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

/**
 * A vertical band, in the middle half of the region, that at most a fifteenth of the
 * lines narrower than the region touch, with at least three rows of text on each side: a column gutter.
 */
function findGutter(lines: readonly Line[], size: number): Interval | null {
  if (lines.length < 6) return null;
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const width = right - left;
  if (width < size * 10) return null;
  const cells = Math.ceil(width);
  const cover = new Uint16Array(cells + 1);
  // Lines across most of the region (titles, footnotes) do not count: they are what hides it.
  const narrow = lines.filter((l) => l.x1 - l.x0 < width * 0.7);
  for (const l of narrow)
    for (let x = Math.floor(l.x0 - left); x < Math.ceil(l.x1 - left) && x <= cells; x++)
      cover[x] = (cover[x] ?? 0) + 1;
  const allowed = Math.max(1, Math.floor(narrow.length / 15));
  let best: Interval | null = null;
  let start = -1;
  for (let x = Math.floor(width * 0.25); x <= Math.ceil(width * 0.75) + 1; x++) {
    const open = x <= cells && (cover[x] ?? 0) <= allowed;
    if (open && start < 0) start = x;
    if (!open && start >= 0) {
      if (x - start >= size * 0.8 && (!best || x - start > best.hi - best.lo))
        best = { lo: left + start, hi: left + x };
      start = -1;
    }
  }
  if (!best) return null;
  const g = best;
  const rowsOf = (side: Line[]) => new Set(side.map((l) => Math.round(l.y0))).size;
  const leftSide = lines.filter((l) => l.x1 <= g.lo + size);
  const rightSide = lines.filter((l) => l.x0 >= g.hi - size);
  return rowsOf(leftSide) >= 3 && rowsOf(rightSide) >= 3 ? g : null;
}

/**
 * Columns that are a table's: three or more, most lines of each column standing on a
 * baseline that another column also has (row by row), in two rows or more, and cells
 * of uneven length — in one column at least, most lines stop short of its width, where
 * the justified lines of columns of text run to it.
 */
function isTable(parts: Line[][], size: number): boolean {
  if (parts.length < 3) return false;
  const ragged = parts.filter((p) => {
    const width = Math.max(...p.map((l) => l.x1)) - Math.min(...p.map((l) => l.x0));
    return median(p.map((l) => l.x1 - l.x0)) < 0.8 * width;
  }).length;
  if (ragged === 0) return false;
  const baselines = parts.map((p) => p.map((l) => l.y1));
  let aligned = 0;
  let total = 0;
  for (let i = 0; i < parts.length; i++)
    for (const y of baselines[i]!) {
      total++;
      if (baselines.some((other, j) => j !== i && other.some((o) => Math.abs(o - y) < 0.35 * size)))
        aligned++;
    }
  const rows = new Set(parts.flat().map((l) => Math.round(l.y1 / (0.5 * size)))).size;
  return rows >= 2 && aligned >= 0.6 * total;
}

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
        if (!vertical && isTable(parts, size)) {
          readTable(parts, size, out);
          return;
        }
        for (const p of parts) cut(p, vertical, out, depth + 1);
        return;
      }
    }
    // A gutter that a few lines run into (a footnote or a title across both columns,
    // a heading overhanging by a character) is still a gutter: find it by coverage,
    // then cut into slabs at the lines that cross it, so each slab has its columns.
    if (!vertical) {
      const gutter = findGutter(lines, size);
      if (gutter) {
        const crossing = lines
          .filter((l) => l.x0 < gutter.lo - size && l.x1 > gutter.hi + size)
          .sort((a, b) => a.y0 - b.y0);
        const rest = lines.filter((l) => !crossing.includes(l)).sort((a, b) => a.y0 - b.y0);
        if (crossing.length === 0) {
          const mid = (gutter.lo + gutter.hi) / 2;
          const left = rest.filter((l) => (l.x0 + l.x1) / 2 < mid);
          const right = rest.filter((l) => (l.x0 + l.x1) / 2 >= mid);
          cut(left, vertical, out, depth + 1);
          cut(right, vertical, out, depth + 1);
          return;
        }
        const slabs: Line[][] = [[]];
        let k = 0;
        for (const c of crossing) {
          while (k < rest.length && rest[k]!.y0 < c.y0) slabs[slabs.length - 1]!.push(rest[k++]!);
          slabs.push([c], []);
        }
        while (k < rest.length) slabs[slabs.length - 1]!.push(rest[k++]!);
        const nonEmpty = slabs.filter((sl) => sl.length > 0);
        if (nonEmpty.length > 1) {
          for (const sl of nonEmpty) cut(sl, vertical, out, depth + 1);
          return;
        }
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

/**
 * A table: one region, read row by row, a row's cells left to right. Rows stand on the
 * baselines two columns or more share; a line on a baseline of its own is a cell's
 * text wrapped onto another line (or a header set higher or lower than its row's), and
 * belongs to the cell of its column in the row above it (the first row for lines above
 * every row).
 */
function readTable(parts: Line[][], size: number, out: OrderedLine[]): void {
  const region = ++regionCounter;
  const near = (a: number, b: number) => Math.abs(a - b) < 0.35 * size;
  const columnOf = new Map<Line, number>();
  parts.forEach((part, i) => part.forEach((l) => columnOf.set(l, i)));
  const all = parts.flat().sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
  const rows: number[] = [];
  for (const l of all) {
    if (rows.some((y) => near(y, l.y1))) continue;
    const columns = new Set(all.filter((o) => near(o.y1, l.y1)).map((o) => columnOf.get(o)));
    if (columns.size >= 2) rows.push(l.y1);
  }
  const rowOf = (l: Line) => {
    let row = 0;
    rows.forEach((y, i) => {
      if (l.y1 >= y - 0.35 * size) row = i;
    });
    return row;
  };
  const cells = new Map<string, Line[]>();
  for (const l of all) {
    const key = `${rowOf(l)}:${columnOf.get(l)}`;
    cells.set(key, [...(cells.get(key) ?? []), l]);
  }
  for (let r = 0; r < Math.max(1, rows.length); r++)
    for (let c = 0; c < parts.length; c++)
      (cells.get(`${r}:${c}`) ?? []).forEach((line, k) =>
        out.push({ line, region, table: { row: r, cellStart: k === 0 } }),
      );
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

// Paged reading: the arithmetic of pages. The text of a page run (lib/reading/page-runs.ts)
// is laid out by CSS multi-column layout, one column per page: a column never ends inside
// a line (in vertical writing, inside a column of characters), so no line is ever cut at
// the page's edge, and the browser's own line breaking (kinsoku, 縦中横) is kept. Pages
// follow each other along the multicol's column axis, one stride (page plus gap) apart:
// rightwards in horizontal writing, downwards in vertical-rl. Page numbers of the
// document add up the pages of each run (measured, or estimated until measured).
// Pure, unit-tested.

/** One page and the gap after it, along the axis the pages follow. */
export interface PageGeometry {
  /** The page's length along that axis (its width; its height in vertical writing). */
  page: number;
  gap: number;
}

export function stride(g: PageGeometry): number {
  return Math.max(1, g.page + g.gap);
}

/** Pages of a run whose columns reach `extent` along the page axis (at least one). */
export function pageCount(extent: number, g: PageGeometry): number {
  // The last column has no gap after it; rounding absorbs sub-pixel layout.
  return Math.max(1, Math.round((extent + g.gap) / stride(g)));
}

/** The page (0-based) that holds `offset` along the page axis. */
export function pageAt(offset: number, g: PageGeometry, pages: number): number {
  const page = Math.floor((offset + 0.5) / stride(g));
  return Math.min(Math.max(0, pages - 1), Math.max(0, page));
}

/** Where page `index` (0-based) begins along the page axis. */
export function pageStart(index: number, g: PageGeometry): number {
  return Math.max(0, index) * stride(g);
}

/** The document's pages: where each run's pages start, and how many in all. */
export interface PageMap {
  /** The document page (0-based) each run starts on. */
  starts: number[];
  total: number;
  /** False while some run's pages are estimated. */
  exact: boolean;
}

/**
 * The document's pages from each run's page count (null: not measured yet, then
 * `estimate(run)`).
 */
export function pageMap(
  counts: readonly (number | null)[],
  estimate: (run: number) => number,
): PageMap {
  const starts: number[] = [];
  let total = 0;
  let exact = true;
  counts.forEach((count, run) => {
    starts.push(total);
    if (count === null) exact = false;
    total += Math.max(1, count ?? Math.round(estimate(run)));
  });
  return { starts, total, exact };
}

/**
 * Pages of run `run`, not measured yet: its sections at the pages per section of the
 * runs measured so far (`counts`, null where not measured; `current`: the run laid out
 * and its pages, counted even before its count is kept).
 */
export function estimateRunPages(
  run: number,
  runs: readonly (readonly unknown[])[],
  counts: readonly (number | null)[],
  current: { run: number; pages: number } | null,
): number {
  let pagesSeen = 0;
  let sectionsSeen = 0;
  counts.forEach((c, i) => {
    if (c === null || c === undefined) return;
    pagesSeen += c;
    sectionsSeen += runs[i]?.length ?? 0;
  });
  if (current && counts[current.run] == null) {
    pagesSeen += current.pages;
    sectionsSeen += runs[current.run]?.length ?? 0;
  }
  const perSection = sectionsSeen > 0 ? pagesSeen / sectionsSeen : 1;
  return Math.max(1, (runs[run]?.length ?? 1) * perSection);
}

/** The document page (0-based) of `page` in run `run`. */
export function documentPage(map: PageMap, run: number, page: number): number {
  return (map.starts[run] ?? 0) + page;
}

/** The run and its page (0-based) that document page `page` (0-based) falls in. */
export function locatePage(map: PageMap, page: number): { run: number; page: number } {
  const p = Math.min(Math.max(0, page), Math.max(0, map.total - 1));
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return { run: Math.max(0, lo), page: p - (map.starts[lo] ?? 0) };
}

/** Which way a page turn goes from a click at `x` in a page of `width`, or null (the middle). */
export function edgeTurn(x: number, width: number, vertical: boolean, edge = 0.25): 1 | -1 | null {
  if (width <= 0) return null;
  const share = x / width;
  // Pages turn leftwards in vertical writing: the left edge is the next page.
  if (share < edge) return vertical ? 1 : -1;
  if (share > 1 - edge) return vertical ? -1 : 1;
  return null;
}

/** A wheel that has turned `delta` pixels so far: the pages to turn, and what is left over. */
export function wheelTurns(
  accumulated: number,
  threshold: number,
): { turns: number; rest: number } {
  if (Math.abs(accumulated) < threshold) return { turns: 0, rest: accumulated };
  return { turns: Math.sign(accumulated), rest: 0 };
}

/** What a key does in paged mode: a page on or back, the first or last page, or nothing. */
export type PageKey = 1 | -1 | 'first' | 'last';

/**
 * The page turn a key asks for, or null. Space, PageDown and ↓ turn on, Shift+Space,
 * PageUp and ↑ back; ←/→ follow the page: in horizontal writing → is on, in vertical
 * writing ← is on (pages, like lines, run right to left). Home and End go to the first
 * and last page. `onControl`: focus is on a control (Space is the control's then).
 */
export function pagedKey(
  key: { key: string; shiftKey: boolean },
  vertical: boolean,
  onControl: boolean,
): PageKey | null {
  switch (key.key) {
    case ' ':
      if (onControl) return null;
      return key.shiftKey ? -1 : 1;
    case 'PageDown':
    case 'ArrowDown':
      return 1;
    case 'PageUp':
    case 'ArrowUp':
      return -1;
    case 'ArrowRight':
      return vertical ? -1 : 1;
    case 'ArrowLeft':
      return vertical ? 1 : -1;
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

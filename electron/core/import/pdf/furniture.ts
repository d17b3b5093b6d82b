// Running heads, running feet and page numbers: printed on every page, never part of
// the text. Taken out of the body and kept as page markers instead (the printed page
// number becomes the page's label, so a citation can say "p. 12").
//
// A line is furniture when it sits in the top or bottom margin band of its page (the
// outermost two lines, within 10% of the page's height from its edge) and either
//  - reads as a page number: "12", "- 12 -", "－ 12 －", "— iv —", "p. 12", "12 / 95"; or
//  - repeats: the same text with its digits ignored appears in that band on at least
//    three pages (two in a document under ten pages), like "第Ⅱ部\u3000第３章\u3000米国・カナダ" or
//    "Debian Edu / Skolelinux 12 Bookworm マニュアル" — set no larger than the body and
//    standing apart from the text by at least a line's height (so neither a heading nor
//    body text that opens several pages with the same words is taken).
import type { Line } from './lines';

export interface PageLines {
  page: number;
  width: number;
  height: number;
  lines: Line[];
}

const BAND = 0.1;

const PAGE_NUMBER =
  /^(?:[-－―—–‐−~〜・·•\s]*)(?:p\.?\s*|page\s+|ページ\s*)?([0-9０-９]{1,4}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})(?:\s*[/／]\s*[0-9０-９]{1,4})?(?:[-－―—–‐−~〜・·•\s]*)$/i;

/** The page number a line prints, or null. */
export function pageNumberOf(text: string): string | null {
  const m = PAGE_NUMBER.exec(text.trim());
  if (!m?.[1]) return null;
  return m[1].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Text compared across pages: digits (page numbers, chapter numbers) and spaces ignored. */
export function furnitureKey(text: string): string {
  return text.replace(/[0-9０-９ivxlcdmIVXLCDM]+/g, '#').replace(/[\s\u3000]+/g, '');
}

function bandLines(page: PageLines): { top: Line[]; bottom: Line[] } {
  const rowsTop = [...new Set(page.lines.map((l) => Math.round(l.y0)))].sort((a, b) => a - b);
  const rowsBottom = [...rowsTop].reverse();
  const topRows = new Set(rowsTop.slice(0, 2));
  const bottomRows = new Set(rowsBottom.slice(0, 2));
  const top = page.lines.filter(
    (l) => topRows.has(Math.round(l.y0)) && l.y1 <= page.height * BAND + l.size,
  );
  const bottom = page.lines.filter(
    (l) => bottomRows.has(Math.round(l.y0)) && l.y0 >= page.height * (1 - BAND) - l.size,
  );
  return { top, bottom };
}

/**
 * A running head stands apart: the nearest other line above or below it is at least a
 * line's height away. Body text that happens to open several pages with the same words
 * is set at the body's own line spacing.
 */
function standsApart(line: Line, page: PageLines): boolean {
  let nearest = Infinity;
  for (const other of page.lines) {
    if (other === line || other.row === line.row) continue;
    const gap = Math.max(other.y0 - line.y1, line.y0 - other.y1);
    nearest = Math.min(nearest, gap);
  }
  return nearest >= line.size;
}

function mostCommonSize(pages: readonly PageLines[]): number {
  const weights = new Map<number, number>();
  for (const p of pages)
    for (const l of p.lines) weights.set(l.size, (weights.get(l.size) ?? 0) + l.text.length);
  let best = 10;
  let bestWeight = -1;
  for (const [size, weight] of weights)
    if (weight > bestWeight) {
      best = size;
      bestWeight = weight;
    }
  return best;
}

export interface Furniture {
  /** Lines to take out of the text, per page. */
  removed: Map<number, Set<Line>>;
  /** Printed page number per page, when one was found. */
  printed: Map<number, string>;
}

export function findFurniture(pages: readonly PageLines[]): Furniture {
  const bodySize = mostCommonSize(pages);
  const pageOf = new Map(pages.map((p) => [p.page, p]));
  const candidates = pages.map((p) => {
    const { top, bottom } = bandLines(p);
    return { page: p.page, lines: [...top, ...bottom], top: new Set(top) };
  });
  const counts = new Map<string, number>();
  for (const c of candidates) {
    const keys = new Set(c.lines.map((l) => `${c.top.has(l) ? 'T' : 'B'}:${furnitureKey(l.text)}`));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Odd and even pages carry different heads, and a chapter's head only its own pages:
  // two repeats make a running head in a short document, three in a longer one.
  const minRepeat = pages.length < 3 ? Infinity : pages.length < 10 ? 2 : 3;
  const removed = new Map<number, Set<Line>>();
  const printed = new Map<number, string>();
  for (const c of candidates) {
    const set = new Set<Line>();
    for (const line of c.lines) {
      const number = pageNumberOf(line.text);
      const key = `${c.top.has(line) ? 'T' : 'B'}:${furnitureKey(line.text)}`;
      if (number !== null) {
        set.add(line);
        if (!printed.has(c.page) || !c.top.has(line)) printed.set(c.page, number);
      } else if (
        (counts.get(key) ?? 0) >= minRepeat &&
        furnitureKey(line.text).length > 0 &&
        line.size <= bodySize * 1.05 &&
        standsApart(line, pageOf.get(c.page) as PageLines)
      ) {
        set.add(line);
        // "Debian Edu … マニュアル 2 / 95": a repeated line may end with the number.
        const tail = /([0-9]{1,4}|[ivxlcdm]{1,8})\s*(?:[/／]\s*[0-9]{1,4})?\s*$/i.exec(line.text);
        if (tail?.[1] && !printed.has(c.page) && /\s/.test(line.text)) printed.set(c.page, tail[1]);
      }
    }
    if (set.size > 0) removed.set(c.page, set);
  }
  return { removed, printed };
}

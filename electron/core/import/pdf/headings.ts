// Headings of a PDF, into a real outline. Best evidence first:
//  1. the document's own outline (bookmarks) or its printed 目次 (./toc.ts): each entry
//     is matched to the line(s) that carry its title in reading order, near the page
//     it names, and takes the entry's level;
//  2. otherwise — and for headings deeper than the entries go — how a line is set: a
//     font clearly larger than the body's, or the body size in a bold or different
//     (non-monospace) font on a line of its own, or heading numbering (第１節, 1．,
//     ＜…＞, （1）: ./numbering.ts) on a short line of its own that is not a sentence.
//     Levels follow size (larger first), then numbering rank. A line that opens with a
//     list bullet (•, ◦, ‣, –) is an item of a list, however it is set: never a heading
//     by its looks (a bold term in a loosely set list stands alone like one).
// A heading that wraps onto a second line in the same font and size is one heading, and
// a chapter's label set on a line of its own above its title (`Chapter 1`, `第1章`,
// `Appendix A`) is part of the title's heading, not a section of its own.
import { looksLikeHeadingText, levelsOfRanks, numberingRank } from '../numbering';
import type { Line } from './lines';
import type { TableCell } from './order';
import type { FontInfo } from './page-text';

export interface FlowLine {
  line: Line;
  region: number;
  role: 'body' | 'footnote' | 'caption' | 'heading';
  level: number;
  /** Set on the first line of a heading; later lines of the same heading continue it. */
  headingStart?: boolean;
  /** A footnote line that opens a note (./roles.ts noteStarts); the others continue one. */
  noteStart?: boolean;
  /** A line of a table's cell, read row by row (./order.ts): never a heading. */
  table?: TableCell;
}

export interface OutlineEntry {
  title: string;
  level: number;
  /** Physical page (1-based) the entry points to, when known. */
  pageIndex: number | null;
  /** Printed page label the entry names (printed TOC), when known. */
  pageLabel: string | null;
}

/** Text as compared for matching: width-folded, no spaces or leaders, lower case. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000.…‥・·]+/g, '');
}

const NUMBER_PREFIX =
  /^(?:第?[0-9一二三四五六七八九十]+[部編章節款項]?|[0-9]+(?:[.-][0-9]+)*\.?|appendix[a-z]|付録[a-z0-9]*)/;

/**
 * Matches outline entries to body lines, in order. Returns how many were matched.
 * `labelOf(page)` gives a physical page's printed label.
 */
export function applyOutline(
  flow: FlowLine[],
  entries: readonly OutlineEntry[],
  labelOf: (page: number) => string,
): number {
  let cursor = 0;
  let matched = 0;
  const keys = flow.map((f) => matchKey(f.line.text));
  for (const entry of entries) {
    const want = matchKey(entry.title);
    if (want.length === 0) continue;
    let best: { index: number; span: number } | null = null;
    let fallback: { index: number; span: number } | null = null;
    for (let i = cursor; i < flow.length && best === null; i++) {
      if (flow[i]!.role !== 'body') continue;
      let joined = '';
      for (let span = 1; span <= 3 && i + span <= flow.length; span++) {
        const f = flow[i + span - 1]!;
        if (f.role !== 'body') break;
        joined += keys[i + span - 1];
        const exact = joined === want;
        const numbered =
          joined.endsWith(want) &&
          NUMBER_PREFIX.test(joined.slice(0, joined.length - want.length)) &&
          joined.length - want.length <= 12;
        if (exact || numbered) {
          const page = flow[i]!.line.page;
          const onPage =
            (entry.pageIndex === null || Math.abs(entry.pageIndex - page) <= 1) &&
            (entry.pageLabel === null ||
              labelOf(page) === entry.pageLabel ||
              labelOf(page + 1) === entry.pageLabel ||
              labelOf(page - 1) === entry.pageLabel);
          if (onPage) best = { index: i, span };
          else fallback ??= { index: i, span };
          break;
        }
        if (!want.startsWith(joined) && !(joined.length < want.length + 12)) break;
      }
    }
    best ??= fallback;
    if (!best) continue;
    for (let k = 0; k < best.span; k++) {
      const f = flow[best.index + k]!;
      f.role = 'heading';
      f.level = entry.level;
      f.headingStart = k === 0;
    }
    cursor = best.index + best.span;
    matched++;
  }
  return matched;
}

export interface Typography {
  bodySize: number;
  bodyFont: string;
  /** Every font that carries a good share (5%) of the body-size text. */
  bodyFonts: Set<string>;
  /** Typical distance between baselines of body lines. */
  pitch: number;
  fonts: Map<string, FontInfo>;
}

/** A chapter's label on a line of its own, above its title. */
const CHAPTER_LABEL =
  /^(?:(?:chapter|appendix|part)\s*[0-9a-z]{1,4}\.?|第\s*[0-9０-９一二三四五六七八九十百]+\s*[部編章]|付録\s*[a-zａ-ｚ0-9０-９]{1,3})$/i;

/** Bullets that open a list item (a heading marker such as ■ or ◆ is not one). */
const LIST_BULLET = /^[•◦‣⁃∙–—]/;

function gapBefore(flow: FlowLine[], i: number): number {
  const f = flow[i]!;
  const p = flow[i - 1];
  if (!p || p.region !== f.region || p.line.page !== f.line.page) return Infinity;
  return f.line.vertical ? p.line.x0 - f.line.x1 : f.line.y0 - p.line.y1;
}

/**
 * Marks headings by how lines are set. `deeperThan`: levels start below this one
 * (the outline's deepest level when entries were matched).
 */
export function detectHeadings(flow: FlowLine[], type: Typography, deeperThan: number): void {
  const keyOf = new Map<number, number>();
  const starts: number[] = [];
  const lineGap = Math.max(1, type.pitch - type.bodySize);
  for (let i = 0; i < flow.length; i++) {
    const f = flow[i]!;
    if (f.role !== 'body') continue;
    const line = f.line;
    const text = line.text;
    if (!looksLikeHeadingText(text) || LIST_BULLET.test(text.trim()) || f.table) continue;
    const font = type.fonts.get(line.font);
    const big = line.size >= type.bodySize * 1.15;
    const emphasis =
      line.size >= type.bodySize * 0.95 &&
      font?.family !== 'monospace' &&
      !/mono|courier/i.test(font?.name ?? '') &&
      (font?.bold === true || !type.bodyFonts.has(line.font));
    const before = gapBefore(flow, i);
    const next = flow[i + 1];
    const after = next ? gapBefore(flow, i + 1) : Infinity;
    const alone =
      before > lineGap * 1.6 &&
      (after > lineGap * 1.3 || (next !== undefined && next.line.font !== line.font));
    const rank = numberingRank(text);
    const isHeading =
      (big && (alone || rank !== null || before > lineGap * 1.6)) ||
      (emphasis && alone) ||
      (emphasis && rank !== null && before > lineGap * 1.2) ||
      (rank !== null && alone && text.length <= 40 && !/[。、]/.test(text));
    if (!isHeading) continue;
    const key = big ? 1000 - Math.round(line.size * 2) : 2000 + (rank ?? 99);
    keyOf.set(i, key);
    starts.push(i);
    f.role = 'heading';
    f.headingStart = true;
    // Wrapped heading: the next line in the same font and size, right below.
    let j = i + 1;
    while (j < flow.length) {
      const n = flow[j]!;
      if (n.role !== 'body' || n.line.font !== line.font || Math.abs(n.line.size - line.size) > 0.5)
        break;
      if (gapBefore(flow, j) > lineGap * 1.3 || !looksLikeHeadingText(n.line.text)) break;
      if (numberingRank(n.line.text) !== null) break;
      n.role = 'heading';
      n.headingStart = false;
      keyOf.set(j, key);
      j++;
    }
    i = j - 1;
  }
  // A label line right above a heading the outline placed: one heading with it.
  for (const i of starts) {
    const label = flow[i]!;
    const title = flow[i + 1];
    if (
      !title ||
      title.role !== 'heading' ||
      !title.headingStart ||
      keyOf.has(i + 1) ||
      title.line.page !== label.line.page ||
      !CHAPTER_LABEL.test(label.line.text.trim())
    )
      continue;
    keyOf.delete(i);
    label.level = title.level;
    title.headingStart = false;
  }
  const levels = levelsOfRanks(keyOf.values());
  for (const [i, key] of keyOf) flow[i]!.level = deeperThan + (levels.get(key) ?? 1);
}

// Lines that are not body text, told apart by where they sit and how they are set:
//  - footnotes: at the bottom of the page, below every body-size line, set smaller,
//    opening with a note mark (注1, ※, *1, 1), ¹, ¹⁴ …) — or with its number set close
//    against the text (`3Debian Policy…`, `13その場合…`) on a line that hangs out to the
//    right of the notes' left edge, as LaTeX sets a note's first line; lines after a
//    mark continue it, and small lines above the first mark that run on into it (a
//    note begun on the page before) belong to the notes too;
//  - captions: a figure or table number (図表1-2, 第1-1-1図, 表3, Figure 2, Table 1)
//    or a source/notes line under a figure (資料：, 出典：, 備考：, （注）);
//  - text inside figures: set clearly smaller than the body anywhere else — axis
//    labels, legends — kept with the captions, apart from the body, never dropped.
import type { Line } from './lines';

export type LineRole = 'body' | 'footnote' | 'caption';

const NOTE_MARK =
  /^(?:注\s*[0-9０-９]*|※\s*[0-9０-９]*|\*\s*[0-9]*|（注[0-9０-９]*）|\(注[0-9]*\)|[0-9０-９]{1,2}(?:[)）.．]|\s|\u3000)|[0-9０-９]{0,2}[¹²³⁴⁵⁶⁷⁸⁹⁰]+|†|‡)/;

/** A note's number set close against its text: `3Debian`, `13その場合` (not `1.2`, `10:30`). */
const GLUED_NUMBER = /^[0-9]{1,3}(?=[^\s0-9.,:：/%])/;
const CAPTION =
  /^(?:(?:第\s*)?[0-9０-９ⅠⅡⅢⅣⅤⅥ]+(?:\s*[-－‐―.．]\s*[0-9０-９]+){1,3}\s*(?:図|表)|(?:図表|図|表|写真|グラフ|コラム図|コラム表)\s*[0-9０-９ⅠⅡⅢⅣⅤⅥ]|(?:Figure|Fig\.|Table|Chart)\s*[0-9]|(?:資料|出典|出所|備考)\s*[：:]|（(?:資料|出典|備考|注)）)/;

/** A caption line: numbered like a figure or table and not a sentence of body text. */
export function isCaptionText(text: string): boolean {
  const t = text.trim();
  if (!CAPTION.test(t)) return false;
  if (/^(?:資料|出典|出所|備考|（)/.test(t)) return true;
  return t.length <= 60 && !/。./.test(t);
}

export function isNoteMark(text: string): boolean {
  return NOTE_MARK.test(text.trim());
}

/**
 * Whether a footnote line opens a note: a mark, or a number set against the text on a
 * line indented from `left` (the notes' left edge: their continuation lines).
 */
export function opensNote(line: Line, left: number): boolean {
  if (isNoteMark(line.text)) return true;
  return GLUED_NUMBER.test(line.text.trim()) && line.x0 - left >= 0.4 * line.size;
}

/** The footnote lines of a page that open a note (the others continue the one before). */
export function noteStarts(lines: readonly Line[], roles: Map<Line, LineRole>): Set<Line> {
  const notes = lines.filter((l) => roles.get(l) === 'footnote' && !l.vertical);
  const left = Math.min(...notes.map((l) => l.x0));
  return new Set(notes.filter((l) => opensNote(l, left)));
}

/**
 * Roles of one page's lines (furniture already removed). `bodySize` is the document's
 * body font size.
 */
export function assignRoles(lines: readonly Line[], bodySize: number): Map<Line, LineRole> {
  const roles = new Map<Line, LineRole>();
  const small = (l: Line) => l.size < bodySize * 0.92;
  const bodyLines = lines.filter((l) => !small(l));
  const lowestBody = Math.max(-Infinity, ...bodyLines.map((l) => (l.vertical ? -Infinity : l.y1)));
  // Footnotes: the small lines below the last body line, from the first note mark on.
  const bottom = lines
    .filter((l) => small(l) && !l.vertical && l.y0 >= lowestBody - 0.5)
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const left = Math.min(...bottom.map((l) => l.x0));
  let firstMark = bottom.findIndex((l) => opensNote(l, left));
  if (firstMark >= 0) {
    // A note begun on the page before: small lines right above the first mark, set
    // like it and running on into it (no caption among them).
    const mark = bottom[firstMark]!;
    while (firstMark > 0) {
      const above = bottom[firstMark - 1]!;
      const below = bottom[firstMark]!;
      if (
        Math.abs(above.size - mark.size) > 0.5 ||
        below.y0 - above.y1 > mark.size * 1.6 ||
        isCaptionText(above.text)
      )
        break;
      firstMark--;
    }
    for (const l of bottom.slice(firstMark)) roles.set(l, 'footnote');
  }
  let captionOpen: Line | null = null;
  const inOrder = [...lines].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  for (const l of inOrder) {
    if (roles.has(l)) continue;
    if (isCaptionText(l.text)) {
      roles.set(l, 'caption');
      captionOpen = l;
      continue;
    }
    // A caption's second line: same font and size, right below it.
    if (
      captionOpen &&
      l.font === captionOpen.font &&
      Math.abs(l.size - captionOpen.size) < 0.5 &&
      l.y0 - captionOpen.y1 < captionOpen.size * 0.8 &&
      l.y0 > captionOpen.y0
    ) {
      roles.set(l, 'caption');
      captionOpen = l;
      continue;
    }
    captionOpen = null;
    roles.set(l, l.size < bodySize * 0.85 ? 'caption' : 'body');
  }
  return roles;
}

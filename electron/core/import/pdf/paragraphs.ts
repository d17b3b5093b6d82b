// Lines in reading order → the blocks the ingest takes (headings, paragraphs,
// footnotes, captions), each line with its page. A paragraph ends where a heading
// comes, where the gap to the next line is wider than the line spacing, where the
// next line is indented (a Japanese paragraph's first line is indented one em) or
// opens with U+3000 or a bullet, or where a line ends short of its column's edge.
// It continues across a column or page break when the line before the break ran to
// the column's edge and the line after it is not indented. A line indented as far as
// the one before it, which ran to the edge without ending a sentence, continues it:
// a list item's text set under its bullet (hanging indent). A region too small to
// measure (one or two lines: an item set apart) is measured by the column it stands
// in, so a short line is never taken for one that ran to the edge. A table's row is one
// paragraph, its cells separated by U+3000 (as the HTML import separates them), a cell
// wrapped onto several lines joined; the next row starts another. A URL broken across
// lines by a typesetter that marks the break with a hyphen after a slash
// (`https://www.debian.org/-` / `doc/…`) loses that hyphen. Footnotes and captions
// met on the way wait until the paragraph they interrupted is finished, then follow
// it as their own blocks.
import { stripParagraphIndent } from '../../ingest/paragraphs';
import type { ImportBlock } from '../types';
import type { FlowLine, Typography } from './headings';
import type { Line } from './lines';

interface Extent {
  start: number;
  end: number;
}

const BULLET = /^[•・●○■□◆◇▪▸►‣※\-–—]\s?/;

/** Fewer lines than this and a region's own lines do not tell where its column ends. */
const MEASURABLE_LINES = 3;

function extents(flow: readonly FlowLine[]): Map<number, Extent> {
  const byRegion = new Map<number, Line[]>();
  for (const f of flow)
    if (f.role === 'body') byRegion.set(f.region, [...(byRegion.get(f.region) ?? []), f.line]);
  const own = new Map<number, Extent & { page: number; lines: number; vertical: boolean }>();
  for (const [region, lines] of byRegion) {
    const vertical = lines[0]!.vertical;
    own.set(region, {
      start: Math.min(...lines.map((l) => (vertical ? l.y0 : l.x0))),
      end: Math.max(...lines.map((l) => (vertical ? l.y1 : l.x1))),
      page: lines[0]!.page,
      lines: lines.length,
      vertical,
    });
  }
  const out = new Map<number, Extent>();
  for (const [region, ext] of own) {
    let column: Extent = ext;
    if (ext.lines < MEASURABLE_LINES) {
      // The narrowest measurable region of the page that spans this one: its column.
      let width = Infinity;
      for (const other of own.values()) {
        if (other.page !== ext.page || other.vertical !== ext.vertical) continue;
        if (other.lines < MEASURABLE_LINES) continue;
        const slack = 2;
        if (other.start > ext.start + slack || other.end < ext.end - slack) continue;
        if (other.end - other.start < width) {
          width = other.end - other.start;
          column = { start: other.start, end: other.end };
        }
      }
    }
    out.set(region, column);
  }
  return out;
}

/** A line that ends a sentence (or a quotation, a parenthesis). */
const SENTENCE_END = /[。．.!?！？」』）)]$/;

/** A URL broken after a slash, the break marked with a hyphen: `https://example.org/-`. */
const URL_BREAK_HYPHEN = /(?:https?|ftp):\/\/[^\s()（）<>「」]*\/-$/;

export function assembleBlocks(flow: readonly FlowLine[], type: Typography): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  const asides: ImportBlock[] = [];
  const regions = extents(flow);
  let paragraph: ImportBlock | null = null;
  let last: FlowLine | null = null;
  let opening: FlowLine | null = null;
  let heading: ImportBlock | null = null;
  const lineGap = Math.max(1, type.pitch - type.bodySize);

  const closeParagraph = () => {
    if (paragraph) blocks.push(paragraph);
    paragraph = null;
    last = null;
    blocks.push(...asides.splice(0));
  };
  const ranToEdge = (f: FlowLine) => {
    const ext = regions.get(f.region);
    if (!ext) return false;
    const end = f.line.vertical ? f.line.y1 : f.line.x1;
    return end >= ext.end - 1.5 * f.line.size;
  };
  const indentOf = (f: FlowLine) => {
    const ext = regions.get(f.region);
    if (!ext) return 0;
    return (f.line.vertical ? f.line.y0 : f.line.x0) - ext.start;
  };
  const indented = (f: FlowLine) => indentOf(f) >= 0.6 * f.line.size;
  // Set under the line before it, which ran on without ending a sentence: a hanging indent.
  // Or set under the text of the bullet the paragraph opened with.
  const hanging = (prev: FlowLine, f: FlowLine) => {
    if (SENTENCE_END.test(prev.line.text)) return false;
    if (Math.abs(indentOf(prev) - indentOf(f)) < 0.3 * f.line.size) return true;
    if (!opening || !BULLET.test(opening.line.text)) return false;
    const under = indentOf(f) - indentOf(opening);
    return under > 0 && under < 2.5 * f.line.size;
  };

  for (const f of flow) {
    if (f.role === 'footnote' || f.role === 'caption') {
      const prev = asides[asides.length - 1];
      const continues =
        prev &&
        prev.role === f.role &&
        !(
          f.role === 'footnote' &&
          (f.noteStart === true ||
            /^(?:注|※|\*|（注|\(注|[0-9０-９]{1,2}[\s)）.．]|[¹²³⁴⁵⁶⁷⁸⁹⁰])/.test(f.line.text))
        ) &&
        !(f.role === 'caption' && /^(?:図|表|資料|出典|備考|第|Figure|Table)/.test(f.line.text));
      if (continues && prev) {
        prev.lines.push(f.line.text);
        prev.pages?.push(f.line.page);
      } else asides.push({ role: f.role, level: 0, lines: [f.line.text], pages: [f.line.page] });
      if (!paragraph) blocks.push(...asides.splice(0));
      continue;
    }
    if (f.role === 'heading') {
      closeParagraph();
      if (f.headingStart || !heading) {
        heading = { role: 'heading', level: f.level, lines: [f.line.text], pages: [f.line.page] };
        blocks.push(heading);
      } else {
        heading.lines.push(f.line.text);
        heading.pages?.push(f.line.page);
      }
      continue;
    }
    heading = null;
    const prev: FlowLine | null = last;
    // The same row of a table: a cell after the one before (U+3000 between), or a cell's
    // text wrapped onto another line (joined like any line).
    const sameRow =
      f.table !== undefined &&
      prev?.table !== undefined &&
      prev.region === f.region &&
      prev.table.row === f.table.row;
    const text = sameRow && f.table?.cellStart ? `\u3000${f.line.text}` : f.line.text;
    const opensParagraph = !sameRow && (/^\u3000/.test(text) || BULLET.test(text));
    let startNew = paragraph === null || opensParagraph || (f.table !== undefined && !sameRow);
    if (!startNew && prev && !sameRow) {
      const sameRegion = prev.region === f.region && prev.line.page === f.line.page;
      if (sameRegion) {
        const gap = f.line.vertical ? prev.line.x0 - f.line.x1 : f.line.y0 - prev.line.y1;
        if (gap > lineGap * 1.5 + 0.5) startNew = true;
        else if (!ranToEdge(prev)) startNew = true;
        else if (indented(f) && !hanging(prev, f)) startNew = true;
        else if (Math.abs(prev.line.size - f.line.size) > prev.line.size * 0.12) startNew = true;
      } else if (!ranToEdge(prev) || (indented(f) && !hanging(prev, f))) startNew = true;
    }
    if (startNew) {
      closeParagraph();
      paragraph = { role: 'body', level: 0, lines: [], pages: [] };
      opening = f;
    }
    const current = paragraph as ImportBlock | null;
    if (!current) continue;
    const before = current.lines.length - 1;
    if (before >= 0 && /^[A-Za-z0-9_~%.#?=&]/.test(text)) {
      const tail = current.lines[before]!;
      if (URL_BREAK_HYPHEN.test(current.lines.slice(Math.max(0, before - 2)).join('')))
        current.lines[before] = tail.slice(0, -1);
    }
    current.lines.push(current.lines.length === 0 ? stripParagraphIndent(text) : text);
    current.pages?.push(f.line.page);
    last = f;
  }
  closeParagraph();
  return blocks;
}

// Lines in reading order → the blocks the ingest takes (headings, paragraphs,
// footnotes, captions), each line with its page. A paragraph ends where a heading
// comes, where the gap to the next line is wider than the line spacing, where the
// next line is indented (a Japanese paragraph's first line is indented one em) or
// opens with U+3000 or a bullet, or where a line ends short of its column's edge.
// It continues across a column or page break when the line before the break ran to
// the column's edge and the line after it is not indented. Footnotes and captions
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

function extents(flow: readonly FlowLine[]): Map<number, Extent> {
  const byRegion = new Map<number, Line[]>();
  for (const f of flow)
    if (f.role === 'body') byRegion.set(f.region, [...(byRegion.get(f.region) ?? []), f.line]);
  const out = new Map<number, Extent>();
  for (const [region, lines] of byRegion) {
    const vertical = lines[0]!.vertical;
    out.set(region, {
      start: Math.min(...lines.map((l) => (vertical ? l.y0 : l.x0))),
      end: Math.max(...lines.map((l) => (vertical ? l.y1 : l.x1))),
    });
  }
  return out;
}

export function assembleBlocks(flow: readonly FlowLine[], type: Typography): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  const asides: ImportBlock[] = [];
  const regions = extents(flow);
  // Column width of each page's widest region, for regions too small to measure.
  let paragraph: ImportBlock | null = null;
  let last: FlowLine | null = null;
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
  const indented = (f: FlowLine) => {
    const ext = regions.get(f.region);
    if (!ext) return false;
    const start = f.line.vertical ? f.line.y0 : f.line.x0;
    return start - ext.start >= 0.6 * f.line.size;
  };

  for (const f of flow) {
    if (f.role === 'footnote' || f.role === 'caption') {
      const prev = asides[asides.length - 1];
      const continues =
        prev &&
        prev.role === f.role &&
        !(
          f.role === 'footnote' &&
          /^(?:注|※|\*|（注|\(注|[0-9０-９]{1,2}[\s)）.．]|[¹²³⁴⁵⁶⁷⁸⁹⁰])/.test(f.line.text)
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
    const text = f.line.text;
    const opensParagraph = /^\u3000/.test(text) || BULLET.test(text);
    let startNew = paragraph === null || opensParagraph;
    const prev: FlowLine | null = last;
    if (!startNew && prev) {
      const sameRegion = prev.region === f.region && prev.line.page === f.line.page;
      if (sameRegion) {
        const gap = f.line.vertical ? prev.line.x0 - f.line.x1 : f.line.y0 - prev.line.y1;
        if (gap > lineGap * 1.5 + 0.5) startNew = true;
        else if (!ranToEdge(prev)) startNew = true;
        else if (indented(f)) startNew = true;
        else if (Math.abs(prev.line.size - f.line.size) > prev.line.size * 0.12) startNew = true;
      } else if (
        !ranToEdge(prev) ||
        indented(f) ||
        (/[。．.!?！？」』]$/.test(prev.line.text) && indented(f))
      )
        startNew = true;
    }
    if (startNew) {
      closeParagraph();
      paragraph = { role: 'body', level: 0, lines: [], pages: [] };
    }
    const current = paragraph as ImportBlock | null;
    if (!current) continue;
    current.lines.push(current.lines.length === 0 ? stripParagraphIndent(text) : text);
    current.pages?.push(f.line.page);
    last = f;
  }
  closeParagraph();
  return blocks;
}

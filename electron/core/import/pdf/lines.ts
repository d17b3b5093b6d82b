// From pdf.js text items to lines. Each item is a run of glyphs at one position in
// one font; a line is the runs that share a baseline (or, in vertical writing, a
// column axis), read left to right (top to bottom). Gaps between runs become one
// ASCII space when they are as wide as a space, which the ingest's spacing rule then
// removes wherever a Japanese character stands beside it (`経 済` → `経済`) and keeps
// between Latin words. A gap wider than a gutter splits the row into separate lines,
// so two columns never share a line. A gap as wide as a character between two
// Japanese characters is a U+3000. Coordinates are in points, origin top left.
import { isCjk } from '../../ingest/chars';

/** Text set in one box, top-left origin. */
interface TextBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Font size (em height) in points; of a line, the size that covers most of its characters. */
  size: number;
  /** pdf.js font id (one per font program in the document); of a line, the one that covers most of its characters. */
  font: string;
  vertical: boolean;
}

/** A run of glyphs at one position in one font, as pdf.js gives it. */
export type TextRun = TextBox;

export interface Line extends TextBox {
  /** Physical page, 1-based. */
  page: number;
  /** Lines split from one row by a wide gap share a row id (tables of contents use it). */
  row: number;
}

/** A space-sized gap (fraction of the font size) becomes one ASCII space. */
const SPACE_GAP = 0.2;
/**
 * A full-width gap beside a Japanese character is an ideographic space (U+3000)
 * that the PDF drew as white space: `第１節\u3000米国`, `注1\u3000閣僚会合…`. The ingest keeps
 * U+3000 (it only ever removes ASCII spaces).
 */
const IDEOGRAPHIC_GAP = 0.75;
/** A gap this wide (fraction of the font size) separates columns: the row is split. */
const GUTTER_GAP = 1.2;
/** Vertical writing: tiers (段) are set further apart than a line's own gaps. */
const VERTICAL_GUTTER_GAP = 2;

function dominant<K>(pairs: [K, number][]): K {
  const totals = new Map<K, number>();
  for (const [key, weight] of pairs) totals.set(key, (totals.get(key) ?? 0) + weight);
  let best: K = pairs[0]![0];
  let bestWeight = -1;
  for (const [key, weight] of totals)
    if (weight > bestWeight) {
      best = key;
      bestWeight = weight;
    }
  return best;
}

let rowCounter = 0;

function finishLine(runs: TextRun[], page: number, row: number): Line {
  const vertical = runs[0]!.vertical;
  let text = '';
  let prev: TextRun | null = null;
  for (const run of runs) {
    if (prev) {
      const gap = vertical ? run.y0 - prev.y1 : run.x0 - prev.x1;
      const size = Math.max(run.size, prev.size);
      const before = Array.from(text).pop() ?? '';
      const after = String.fromCodePoint(run.text.codePointAt(0) ?? 32);
      if (gap >= IDEOGRAPHIC_GAP * size && (isCjk(before) || isCjk(after)) && before !== '\u3000')
        text += '\u3000';
      else if (gap > SPACE_GAP * size && !text.endsWith(' ') && !run.text.startsWith(' '))
        text += ' ';
    }
    text += run.text;
    prev = run;
  }
  const weights = runs.map((r) => Math.max(1, r.text.trim().length));
  return {
    text,
    x0: Math.min(...runs.map((r) => r.x0)),
    y0: Math.min(...runs.map((r) => r.y0)),
    x1: Math.max(...runs.map((r) => r.x1)),
    y1: Math.max(...runs.map((r) => r.y1)),
    size: dominant(runs.map((r, i) => [Math.round(r.size * 2) / 2, weights[i]!])),
    font: dominant(runs.map((r, i) => [r.font, weights[i]!])),
    vertical,
    page,
    row,
  };
}

/**
 * Groups runs into lines: horizontal runs by baseline, vertical runs by column axis;
 * each row split where a gap is wider than a gutter.
 */
export function runsToLines(input: readonly TextRun[], page: number): Line[] {
  // Whitespace-only runs carry no text; the gaps they stand in are measured instead.
  const runs = input.filter((r) => r.text.trim().length > 0 && r.size > 0);
  const lines: Line[] = [];
  for (const vertical of [false, true]) {
    const group = runs.filter((r) => r.vertical === vertical);
    // Sort by the cross axis (baseline or column centre), then along the line.
    const cross = (r: TextRun) => (vertical ? (r.x0 + r.x1) / 2 : r.y1);
    const along = (r: TextRun) => (vertical ? r.y0 : r.x0);
    const sorted = [...group].sort((a, b) => cross(a) - cross(b) || along(a) - along(b));
    const rows: TextRun[][] = [];
    for (const run of sorted) {
      const last = rows[rows.length - 1];
      const ref = last?.[0];
      if (last && ref && Math.abs(cross(run) - cross(ref)) <= 0.35 * Math.max(run.size, ref.size))
        last.push(run);
      else rows.push([run]);
    }
    for (const row of rows) {
      row.sort((a, b) => along(a) - along(b));
      const rowId = ++rowCounter;
      let current: TextRun[] = [];
      for (const run of row) {
        const prev = current[current.length - 1];
        if (prev) {
          const gap = vertical ? run.y0 - prev.y1 : run.x0 - prev.x1;
          if (gap > (vertical ? VERTICAL_GUTTER_GAP : GUTTER_GAP) * Math.max(run.size, prev.size)) {
            lines.push(finishLine(current, page, rowId));
            current = [];
          }
        }
        current.push(run);
      }
      if (current.length > 0) lines.push(finishLine(current, page, rowId));
    }
  }
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/^[ \t]+|[ \t]+$/g, '') }))
    .filter((l) => l.text.replace(/[ \u3000]/g, '').length > 0);
}

// Splits a paragraph's display text into what the reading pane renders: runs inside
// or outside the reader's highlights and search hits (<mark>) and the glossary's
// abbreviations (each shows its long form on hover and focus), and inside those, the
// short numbers that stand upright in vertical writing (縦中横, JLREQ 3.2.3). The text
// itself is never changed: concatenating every part gives back the paragraph, so
// selection, copy and all UTF-16 offsets stay true to the display text.

/** A hit to mark, as [start, end) UTF-16 offsets into the text. */
export interface MarkRange {
  start: number;
  end: number;
  /** Index of this hit in the section's hit list (for "current hit" and navigation). */
  index: number;
}

export interface TextPart {
  text: string;
  /** Set upright (text-combine-upright) in vertical writing. */
  tcy: boolean;
}

/** A reader's highlight over [start, end) of the text. */
export interface HighlightRange {
  start: number;
  end: number;
  id: string;
  color: string;
  /** The note the highlight carries, when it has one. */
  note?: string;
  /** The passage begins here: the note's marker is drawn at `start`. */
  marker?: boolean;
}

/** An abbreviation the glossary knows, over [start, end) of the text. */
export interface TermRange {
  start: number;
  end: number;
  /** The abbreviation as the glossary writes it (its key there). */
  term: string;
}

/** A note's marker, drawn where its highlighted passage begins. */
export interface NoteMark {
  id: string;
  note: string;
}

/** Where a printed page begins in the text: its label ("12", "iv") at a UTF-16 offset. */
export interface PageMark {
  offset: number;
  label: string;
}

export interface TextPiece {
  /** Hit index when this piece is inside a search hit, else null. */
  hit: number | null;
  /** The highlight this piece is in (the innermost when several overlap), else null. */
  highlight: { id: string; color: string; noted: boolean } | null;
  /** The glossary term this piece is, else null (a term is always one whole piece). */
  term: string | null;
  /** Markers of notes whose passage begins where this piece does. */
  markers: NoteMark[];
  /** Labels of the printed pages that begin where this piece does (markers add no text). */
  pages: string[];
  parts: TextPart[];
}

/**
 * Runs of Latin letters, digits and the punctuation inside numbers; the `n＋n` form
 * (経済版「2＋2」) is tried first so it can stand upright as one unit.
 */
const TOKEN =
  /(?<![0-9A-Za-z])[0-9]{1,2}[＋+][0-9]{1,2}(?![0-9A-Za-z])|[0-9A-Za-z]+(?:[.,:][0-9A-Za-z]+)*/g;
const UPRIGHT = /^(?:[0-9]{1,2}|[0-9]{1,2}[＋+][0-9]{1,2})$/;

/** [start, end) ranges of the text that should stand upright in vertical writing. */
export function uprightRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (UPRIGHT.test(m[0])) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Clamps, orders and drops overlapping or empty hits (the first one wins). */
export function normalizeMarks(length: number, marks: readonly MarkRange[]): MarkRange[] {
  const sorted = marks
    .map((m) => ({ start: Math.max(0, m.start), end: Math.min(length, m.end), index: m.index }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const out: MarkRange[] = [];
  let last = 0;
  for (const m of sorted) {
    if (m.start < last) continue;
    out.push(m);
    last = m.end;
  }
  return out;
}

function splitUpright(text: string, offset: number, upright: [number, number][]): TextPart[] {
  const parts: TextPart[] = [];
  let pos = offset;
  const end = offset + text.length;
  for (const [a, b] of upright) {
    if (b <= offset || a >= end) continue;
    const s = Math.max(a, offset);
    const e = Math.min(b, end);
    // A number cut by a hit boundary is no longer a short number: leave it sideways.
    if (s !== a || e !== b) continue;
    if (s > pos) parts.push({ text: text.slice(pos - offset, s - offset), tcy: false });
    parts.push({ text: text.slice(s - offset, e - offset), tcy: true });
    pos = e;
  }
  if (pos < end) parts.push({ text: text.slice(pos - offset), tcy: false });
  return parts;
}

/**
 * The terms that stay whole: inside the text, not overlapping each other, and not cut
 * by the start or end of a hit or a highlight (a term cut in two would be two things
 * to focus; it is left unmarked while the cut lasts).
 */
function wholeTerms(length: number, terms: readonly TermRange[], cuts: Set<number>): TermRange[] {
  const out: TermRange[] = [];
  let last = 0;
  for (const t of [...terms].sort((a, b) => a.start - b.start)) {
    if (t.start < last || t.start < 0 || t.end > length || t.end <= t.start) continue;
    let cut = false;
    for (const c of cuts) if (c > t.start && c < t.end) cut = true;
    if (cut) continue;
    out.push(t);
    last = t.end;
  }
  return out;
}

/** The pieces to render for one paragraph (or title). */
export function segmentText(
  text: string,
  marks: readonly MarkRange[] = [],
  highlights: readonly HighlightRange[] = [],
  terms: readonly TermRange[] = [],
  pages: readonly PageMark[] = [],
): TextPiece[] {
  const upright = uprightRanges(text);
  const hits = normalizeMarks(text.length, marks);
  const spans = highlights
    .map((h) => ({ ...h, start: Math.max(0, h.start), end: Math.min(text.length, h.end) }))
    .filter((h) => h.end > h.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of hits) cuts.add(m.start).add(m.end);
  for (const h of spans) cuts.add(h.start).add(h.end);
  // A page's start is a cut too (a term across it is left unmarked, as across a hit).
  const pageStarts = pages.map((p) => ({
    offset: Math.min(Math.max(0, p.offset), text.length),
    label: p.label,
  }));
  for (const p of pageStarts) cuts.add(p.offset);
  const pageCuts = new Set(pageStarts.map((p) => p.offset));
  const whole = wholeTerms(text.length, terms, cuts);
  for (const t of whole) cuts.add(t.start).add(t.end);
  const points = [...cuts].sort((a, b) => a - b);

  // Elementary intervals between cuts, then merged where nothing changes.
  const runs: {
    start: number;
    end: number;
    hit: number | null;
    highlight: TextPiece['highlight'];
    term: string | null;
  }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const hit = hits.find((m) => m.start <= a && b <= m.end)?.index ?? null;
    let highlight: TextPiece['highlight'] = null;
    let innermost = -1;
    for (const h of spans) {
      if (h.start <= a && b <= h.end && h.start >= innermost) {
        innermost = h.start;
        highlight = { id: h.id, color: h.color, noted: h.note !== undefined };
      }
    }
    const term = whole.find((t) => t.start <= a && b <= t.end)?.term ?? null;
    const last = runs[runs.length - 1];
    // A term is never merged with its neighbours: each one is its own element.
    if (
      last &&
      !pageCuts.has(a) &&
      last.hit === hit &&
      last.highlight?.id === highlight?.id &&
      last.term === null &&
      term === null
    )
      last.end = b;
    else runs.push({ start: a, end: b, hit, highlight, term });
  }
  const pagesAt = (at: number): string[] =>
    pageStarts.filter((p) => p.offset === at).map((p) => p.label);
  if (runs.length === 0)
    return [{ hit: null, highlight: null, term: null, markers: [], pages: pagesAt(0), parts: [] }];
  // A highlight's start is always a cut where a new run begins (the innermost changes there).
  const markersAt = (start: number): NoteMark[] =>
    spans
      .filter((h) => h.marker && h.note !== undefined && h.start === start)
      .map((h) => ({ id: h.id, note: h.note! }));
  const pieces: TextPiece[] = runs.map((r) => ({
    hit: r.hit,
    highlight: r.highlight,
    term: r.term,
    markers: markersAt(r.start),
    pages: pagesAt(r.start),
    parts: splitUpright(text.slice(r.start, r.end), r.start, upright),
  }));
  // A page that begins at the very end of the text: an empty piece carries its marker.
  const atEnd = pagesAt(text.length);
  if (atEnd.length > 0)
    pieces.push({ hit: null, highlight: null, term: null, markers: [], pages: atEnd, parts: [] });
  return pieces;
}

// How long a section not drawn yet is likely to be along the reading direction, so the
// spacer that stands for it (lib/reading/extents.ts) is about right and the scrollbar
// says about where one is. From its text when that has been fetched (lines of the
// heading and of each paragraph at the current line length), else from the sections
// already measured, else a few lines. Only an estimate: a drawn section is measured and
// the view keeps its place when the estimate was wrong.
import type { SectionKind } from '../../../../electron/common/api/types';

/** The type area: line length, text size and line pitch, in CSS pixels. */
export interface TextMetrics {
  lineLength: number;
  fontSize: number;
  /** The line pitch of body text (行送り). */
  linePitch: number;
}

/** The type area at `fontSize` on lines `lineLength` long (40 characters when not drawn yet). */
export function textMetrics(fontSize: number, lineLength: number | null): TextMetrics {
  const line = lineLength ?? fontSize * 40;
  return { lineLength: Math.max(fontSize * 8, line), fontSize, linePitch: fontSize * 1.9 };
}

/** Heading size relative to the text, by kind (as ReadingPane's CSS sets them). */
export const HEADING_SCALE: Record<SectionKind, number> = {
  chapter: 1.75,
  part: 1.4,
  topic: 1.18,
  dated: 1.05,
};
/** Heading line height, and the space around a heading, in heading ems. */
const HEADING_LINE = 1.5;
const HEADING_SPACE = 2.2;
/** Space after a section's last paragraph, in text ems (SectionBlock's padding). */
export const SECTION_END = 1.5;

/** Lines `chars` characters take at `charSize` on lines of `lineLength` (at least one). */
export function linesFor(chars: number, charSize: number, lineLength: number): number {
  const perLine = Math.max(1, Math.floor(lineLength / Math.max(1, charSize)));
  return Math.max(1, Math.ceil(chars / perLine));
}

/** What is known of a section: its heading, and its paragraphs' lengths once fetched. */
export interface SectionShape {
  kind: SectionKind;
  titleLength: number;
  /** Characters of each paragraph; null when the text has not been fetched. */
  paragraphs: readonly number[] | null;
}

/** The estimated length of a section, or null when its text is not known. */
export function sizeFromText(shape: SectionShape, m: TextMetrics): number | null {
  if (!shape.paragraphs) return null;
  const hSize = m.fontSize * HEADING_SCALE[shape.kind];
  const heading =
    linesFor(shape.titleLength, hSize, m.lineLength) * hSize * HEADING_LINE + hSize * HEADING_SPACE;
  // The first-line indent is one more character.
  const body = shape.paragraphs.reduce(
    (n, chars) => n + linesFor(chars + 1, m.fontSize, m.lineLength) * m.linePitch,
    0,
  );
  return Math.round(heading + body + m.fontSize * SECTION_END);
}

/**
 * The estimate for a section: from its text if known, else the mean of the measured
 * sections of its kind (`measuredByKind`), else of all measured ones, else a heading and
 * six lines.
 */
export function estimateSize(
  shape: SectionShape,
  m: TextMetrics,
  measuredByKind: ReadonlyMap<SectionKind, { total: number; count: number }>,
): number {
  const fromText = sizeFromText(shape, m);
  if (fromText !== null) return fromText;
  const same = measuredByKind.get(shape.kind);
  if (same && same.count > 0) return Math.round(same.total / same.count);
  let total = 0;
  let count = 0;
  for (const s of measuredByKind.values()) {
    total += s.total;
    count += s.count;
  }
  if (count > 0) return Math.round(total / count);
  return sizeFromText({ ...shape, paragraphs: new Array<number>(6).fill(0) }, m) ?? 0;
}

// W3C Web Annotation selectors for a passage of one section, and the mapping
// between paragraph-relative offsets (what the reading pane and the CLI use) and
// offsets into the section's text. A section's text is its paragraphs' display
// texts joined by one "\n", so a passage may span paragraphs and the quote, prefix
// and suffix read naturally. All offsets are UTF-16 code units.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offsets into the section text (paragraphs joined by PARAGRAPH_SEPARATOR). */
  start: number;
  end: number;
}

/** A passage as the reading pane sees it: from an offset in one paragraph to one in a later (or the same) paragraph. */
export interface ParagraphRange {
  startParagraphId: string;
  startOffset: number;
  endParagraphId: string;
  endOffset: number;
}

export interface AnchorParagraph {
  id: string;
  text: string;
}

export const PARAGRAPH_SEPARATOR = '\n';
/** Characters of context kept on each side of a quote (Hypothesis keeps 32). */
export const CONTEXT_LENGTH = 32;

/** A range that does not describe a passage of the section. */
export class AnchorRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnchorRangeError';
  }
}

export interface SectionText {
  text: string;
  /** Offset of each paragraph's first character in `text`. */
  starts: number[];
  paragraphs: AnchorParagraph[];
}

export function sectionText(paragraphs: AnchorParagraph[]): SectionText {
  const starts: number[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    starts.push(offset);
    offset += p.text.length + PARAGRAPH_SEPARATOR.length;
  }
  return { text: paragraphs.map((p) => p.text).join(PARAGRAPH_SEPARATOR), starts, paragraphs };
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Section offsets of a paragraph range, after checking it is a real, non-empty passage. */
export function toSectionOffsets(
  section: SectionText,
  range: ParagraphRange,
): { start: number; end: number } {
  const indexOf = (id: string, which: string): number => {
    const i = section.paragraphs.findIndex((p) => p.id === id);
    if (i < 0) throw new AnchorRangeError(`${which} paragraph ${id} is not in this section`);
    return i;
  };
  const si = indexOf(range.startParagraphId, 'start');
  const ei = indexOf(range.endParagraphId, 'end');
  const sp = section.paragraphs[si] as AnchorParagraph;
  const ep = section.paragraphs[ei] as AnchorParagraph;
  for (const [name, value, p] of [
    ['start', range.startOffset, sp],
    ['end', range.endOffset, ep],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > p.text.length)
      throw new AnchorRangeError(
        `${name} offset ${value} is outside paragraph ${p.id} (0..${p.text.length})`,
      );
    if (splitsSurrogatePair(p.text, value))
      throw new AnchorRangeError(`${name} offset ${value} splits a character of paragraph ${p.id}`);
  }
  const start = (section.starts[si] as number) + range.startOffset;
  const end = (section.starts[ei] as number) + range.endOffset;
  if (start > end) throw new AnchorRangeError('the range starts after it ends');
  if (start === end) throw new AnchorRangeError('the range is empty');
  if (section.text.slice(start, end).trim().length === 0)
    throw new AnchorRangeError('the range holds only white space');
  return { start, end };
}

/** Paragraph range of section offsets; ends that fall on a separator move into the paragraph before it. */
export function toParagraphRange(section: SectionText, start: number, end: number): ParagraphRange {
  const locate = (offset: number, isEnd: boolean): { id: string; offset: number } => {
    let i = section.starts.length - 1;
    while (i > 0 && (section.starts[i] as number) > offset) i -= 1;
    // An end exactly at the start of a paragraph belongs to the end of the previous one.
    if (isEnd && i > 0 && offset === section.starts[i]) i -= 1;
    const p = section.paragraphs[i] as AnchorParagraph;
    const local = Math.min(offset - (section.starts[i] as number), p.text.length);
    if (!isEnd && local === p.text.length && i + 1 < section.paragraphs.length) {
      // A start on the separator begins the next paragraph.
      const next = section.paragraphs[i + 1] as AnchorParagraph;
      return { id: next.id, offset: 0 };
    }
    return { id: p.id, offset: local };
  };
  const s = locate(start, false);
  const e = locate(end, true);
  return {
    startParagraphId: s.id,
    startOffset: s.offset,
    endParagraphId: e.id,
    endOffset: e.offset,
  };
}

/** Ids of the paragraphs a section-offset range touches, in order. */
export function paragraphIdsOf(section: SectionText, start: number, end: number): string[] {
  const ids: string[] = [];
  section.paragraphs.forEach((p, i) => {
    const ps = section.starts[i] as number;
    const pe = ps + p.text.length;
    if (ps < end && pe > start) ids.push(p.id);
    else if (p.text.length === 0 && ps >= start && ps < end) ids.push(p.id);
  });
  return ids;
}

/** The selectors that describe a passage: quote with context, and its position. */
export function describePassage(
  paragraphs: AnchorParagraph[],
  range: ParagraphRange,
): {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  range: ParagraphRange;
  paragraphIds: string[];
} {
  const section = sectionText(paragraphs);
  const { start, end } = toSectionOffsets(section, range);
  return selectorsAt(section, start, end);
}

/** Selectors for section offsets that are already known to be valid. */
export function selectorsAt(
  section: SectionText,
  start: number,
  end: number,
): {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  range: ParagraphRange;
  paragraphIds: string[];
} {
  const text = section.text;
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart -= 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd += 1;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
    range: toParagraphRange(section, start, end),
    paragraphIds: paragraphIdsOf(section, start, end),
  };
}

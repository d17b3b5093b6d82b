// A selection may run from one section into a later one. A stored highlight
// belongs to one section (that is where it is drawn, re-anchored and listed), so a
// passage across sections is cut at the section boundaries into one highlight per
// section it covers: the first from the start to the end of its section's text,
// the ones between whole, the last from its section's start to the end. Sections
// with no text under their heading, and pieces of white space only, get none:
// every stored piece is a non-empty passage that can be drawn.
import { ApiError } from '../../common/api/contract';
import {
  AnchorRangeError,
  describePassage,
  sectionText,
  splitsSurrogatePair,
  type ParagraphRange,
} from '../../common/anchoring/index';
import { MAX_PASSAGE_SECTIONS } from '../../common/rules/passages';
import type { Outline } from '../content/outline';
import type { ContentStore } from '../content/store-types';

export interface PassageEnd {
  paragraphId: string;
  offset: number;
}

/** One section's piece of a passage, with the selectors that describe it. */
export interface SectionPiece {
  sectionId: string;
  described: ReturnType<typeof describePassage>;
}

const invalid = (message: string) => new ApiError('invalid_input', `addAnnotation: ${message}`);

/** The pieces of the passage from `start` to `end`, one per section, in reading order. */
export function passagePieces(
  content: ContentStore,
  outline: Outline,
  start: PassageEnd,
  end: PassageEnd,
): SectionPiece[] {
  const ends = [
    ['start', start],
    ['end', end],
  ] as const;
  const paragraphs = ends.map(([, at]) => {
    const p = content.paragraph(at.paragraphId);
    if (!p) throw new ApiError('not_found', `no paragraph ${at.paragraphId}`);
    return p;
  });
  const [first, last] = paragraphs as [
    NonNullable<ReturnType<ContentStore['paragraph']>>,
    NonNullable<ReturnType<ContentStore['paragraph']>>,
  ];
  const describe = (sectionId: string, range: ParagraphRange) => {
    try {
      return describePassage(content.section(sectionId).paragraphs, range);
    } catch (err) {
      if (err instanceof AnchorRangeError) throw invalid(err.message);
      throw err;
    }
  };
  if (first.sectionId === last.sectionId) {
    const range = {
      startParagraphId: first.id,
      startOffset: start.offset,
      endParagraphId: last.id,
      endOffset: end.offset,
    };
    return [{ sectionId: first.sectionId, described: describe(first.sectionId, range) }];
  }
  ends.forEach(([name, at], i) => {
    const text = (paragraphs[i] as { text: string }).text;
    if (at.offset > text.length)
      throw invalid(
        `${name} offset ${at.offset} is outside paragraph ${at.paragraphId} (0..${text.length})`,
      );
    if (splitsSurrogatePair(text, at.offset))
      throw invalid(
        `${name} offset ${at.offset} splits a character of paragraph ${at.paragraphId}`,
      );
  });
  const from = outline.rank(first.sectionId);
  const to = outline.rank(last.sectionId);
  if (to < from) throw invalid('the range starts after it ends');
  if (to - from + 1 > MAX_PASSAGE_SECTIONS)
    throw invalid(
      `a passage covers at most ${MAX_PASSAGE_SECTIONS} sections (this one ${to - from + 1})`,
    );
  const pieces: SectionPiece[] = [];
  for (const entry of outline.toc.slice(from, to + 1)) {
    const own = content.section(entry.id).paragraphs;
    const head = own[0];
    const tail = own[own.length - 1];
    if (!head || !tail) continue;
    const range: ParagraphRange = {
      startParagraphId: entry.id === first.sectionId ? first.id : head.id,
      startOffset: entry.id === first.sectionId ? start.offset : 0,
      endParagraphId: entry.id === last.sectionId ? last.id : tail.id,
      endOffset: entry.id === last.sectionId ? end.offset : tail.text.length,
    };
    // A piece of nothing (a start at its section's very end, an end at its very
    // start) or of white space only is no passage: leave it out.
    const section = sectionText(own);
    const i = own.findIndex((p) => p.id === range.startParagraphId);
    const j = own.findIndex((p) => p.id === range.endParagraphId);
    const s = (section.starts[i] as number) + range.startOffset;
    const e = (section.starts[j] as number) + range.endOffset;
    if (e <= s || section.text.slice(s, e).trim().length === 0) continue;
    pieces.push({ sectionId: entry.id, described: describe(entry.id, range) });
  }
  if (pieces.length === 0) throw invalid('the range holds only white space');
  return pieces;
}

// Where a bookmark is in the current content: checking a new position (its
// paragraph is in its section, its offset before a character of that paragraph),
// the text shown for it (excerpt), its place in reading order, and the W3C
// selectors an export gives it. A position is the place before the UTF-16 code
// unit `offset` of a paragraph's display text; a bookmark whose paragraph a newer
// edition lacks keeps its section (it opens at the section's top).
import { ApiError } from '../../common/api/contract';
import {
  CONTEXT_LENGTH,
  sectionText,
  selectorsAt,
  splitsSurrogatePair,
} from '../../common/anchoring/index';
import type { BookmarkRecord } from '../../common/annotations/records';
import type { BookmarkSelectors } from '../../common/annotations/w3c';
import { BOOKMARK_EXCERPT_LENGTH } from '../../common/rules/passages';
import type { Outline } from '../content/outline';
import type { ContentStore } from '../content/store-types';
import type { BookmarkPosition } from './bookmarks';

/**
 * The position of a new bookmark in `sectionId` (null: the whole section), after
 * checking it against the content; throws not_found or invalid_input.
 */
export function checkedPosition(
  content: ContentStore,
  sectionId: string,
  paragraphId: string | undefined,
  offset: number | undefined,
): BookmarkPosition | null {
  if (paragraphId === undefined) return null;
  const paragraph = content.paragraph(paragraphId);
  if (!paragraph) throw new ApiError('not_found', `no paragraph ${paragraphId}`);
  if (paragraph.sectionId !== sectionId)
    throw new ApiError(
      'invalid_input',
      `addBookmark: paragraph ${paragraphId} is not in section ${sectionId}`,
    );
  const at = offset ?? 0;
  const last = Math.max(0, paragraph.text.length - 1);
  if (at > last)
    throw new ApiError(
      'invalid_input',
      `addBookmark: offset ${at} is outside paragraph ${paragraphId} (0..${last}: a position is before a character)`,
    );
  if (splitsSurrogatePair(paragraph.text, at))
    throw new ApiError(
      'invalid_input',
      `addBookmark: offset ${at} splits a character of paragraph ${paragraphId}`,
    );
  return { paragraphId, offset: at };
}

/** End of a slice of `text` from `start`, at most `length` long, never inside a surrogate pair. */
function sliceEnd(text: string, start: number, length: number): number {
  let end = Math.min(text.length, start + length);
  if (splitsSurrogatePair(text, end)) end -= 1;
  return end;
}

/** The text at a position bookmark ('' for a section bookmark or a paragraph not in the content). */
export function bookmarkExcerpt(content: ContentStore, b: BookmarkRecord): string {
  if (b.paragraphId === null || b.offset === null) return '';
  const text = content.paragraph(b.paragraphId)?.text;
  if (text === undefined || b.offset >= text.length) return '';
  return text.slice(b.offset, sliceEnd(text, b.offset, BOOKMARK_EXCERPT_LENGTH));
}

/**
 * Reading order of bookmarks: by section, a section's own bookmark before the
 * positions in it, positions by paragraph and offset (positions whose paragraph the
 * content lacks after the others), then by when they were made.
 */
export function bookmarksInDocumentOrder(outline: Outline, content: ContentStore) {
  const ordinals = new Map<string, number>();
  const ordinalOf = (paragraphId: string | null): number => {
    if (paragraphId === null) return -1;
    let ordinal = ordinals.get(paragraphId);
    if (ordinal === undefined) {
      ordinal = content.paragraph(paragraphId)?.ordinal ?? Number.MAX_SAFE_INTEGER;
      ordinals.set(paragraphId, ordinal);
    }
    return ordinal;
  };
  return (a: BookmarkRecord, b: BookmarkRecord): number =>
    outline.rank(a.sectionId) - outline.rank(b.sectionId) ||
    ordinalOf(a.paragraphId) - ordinalOf(b.paragraphId) ||
    (a.offset ?? -1) - (b.offset ?? -1) ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
}

/**
 * Selectors of a position bookmark in the current content: the text from the
 * position (up to CONTEXT_LENGTH characters, within its paragraph) as a
 * TextQuoteSelector with its context, and where that text is in the section
 * (TextPositionSelector, paragraphs joined by "\n"). Null for a section bookmark,
 * or when the position is not in the content.
 */
export function bookmarkSelectors(
  content: ContentStore,
  outline: Outline,
  b: BookmarkRecord,
): BookmarkSelectors | null {
  if (b.paragraphId === null || b.offset === null || !outline.has(b.sectionId)) return null;
  const paragraphs = content.section(b.sectionId).paragraphs;
  const index = paragraphs.findIndex((p) => p.id === b.paragraphId);
  const paragraph = paragraphs[index];
  if (!paragraph || b.offset >= paragraph.text.length) return null;
  const section = sectionText(paragraphs);
  const start = (section.starts[index] as number) + b.offset;
  const end = start + sliceEnd(paragraph.text, b.offset, CONTEXT_LENGTH) - b.offset;
  const { quote, position } = selectorsAt(section, start, end);
  return { quote, position };
}

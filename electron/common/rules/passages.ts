// Bounds of a passage: where a highlight may start and end, and how much of the
// text around it is stored to find it again. Offsets are UTF-16 code units into a
// paragraph's display text (or the section text, paragraphs joined by "\n"); a
// reading position is a fraction of the reading pane's scroll range.

/** Largest text offset accepted (a section is far shorter). */
export const MAX_OFFSET = 10_000_000;
/** Most paragraphs one highlight may span. */
export const MAX_PASSAGE_PARAGRAPHS = 10_000;
/** Longest quoted passage stored with a highlight. */
export const MAX_QUOTE_LENGTH = 1_000_000;
/** Text kept before and after the quote (TextQuoteSelector prefix and suffix). */
export const MAX_QUOTE_CONTEXT = 256;
/** A reading position is a fraction of the scroll range, from the top (0) to the end (1). */
export const SCROLL_RANGE = { min: 0, max: 1 } as const;
/** Characters of text a position bookmark shows of its place (Bookmark.excerpt). */
export const BOOKMARK_EXCERPT_LENGTH = 40;
/** Most sections one highlight may cover (one stored highlight per section, linked). */
export const MAX_PASSAGE_SECTIONS = 200;

// The highlight colours: the names stored in user.sqlite, accepted by the
// contract and offered by the colour picker, in the order the picker shows them.
// The renderer words and paints each one; nobody else keeps a list.

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** The colour of a highlight or note when the reader picks none. */
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

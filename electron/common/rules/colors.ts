// The highlight colours: the names stored in user.sqlite, accepted by the
// contract and offered by the colour picker, in the order the picker shows them.
// The renderer words and paints each one; nobody else keeps a list.
import type { ResolvedTheme } from './prefs';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** The colour of a highlight or note when the reader picks none. */
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

/**
 * The paper (page background) of each theme. The stylesheet paints it (`--paper`,
 * pinned to these by a test); the Electron window takes it as its background, so the
 * window that appears before the page has painted is already the reader's colour.
 */
export const PAPER_COLORS: Readonly<Record<ResolvedTheme, string>> = {
  light: '#fdfcf9',
  sepia: '#f5ecd9',
  dark: '#1e1f22',
};

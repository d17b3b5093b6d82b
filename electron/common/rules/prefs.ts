// The reader's preferences: which values each one takes and what it is before the
// reader chooses. The contract validates against these, user.sqlite falls back to
// the defaults, and the renderer shows the defaults until the stored values arrive,
// so the first paint already matches what the core will answer.
import type { SearchOrder } from './search';

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export const WRITING_MODES = ['horizontal', 'vertical'] as const;
export const LANGUAGES = ['ja', 'en'] as const;
export const FONT_FAMILIES = ['serif', 'sans'] as const;
/** How the text moves: one continuous scroll, or whole pages turned one at a time. */
export const READING_MODES = ['scroll', 'paged'] as const;

/**
 * Text size in CSS pixels: any whole number from min to max is accepted (a size
 * stored by an older build stays valid); the size control offers the presets, and
 * A−/A+ move to the next preset below or above (stepFontSize).
 */
export const FONT_SIZE = {
  min: 12,
  max: 32,
  step: 1,
  presets: [14, 16, 18, 20, 22, 24, 28, 32],
} as const;

export type Theme = (typeof THEMES)[number];
/** The theme drawn: 'system' is the OS's light or dark. */
export type ResolvedTheme = Exclude<Theme, 'system'>;
export type WritingMode = (typeof WRITING_MODES)[number];
export type Language = (typeof LANGUAGES)[number];
export type FontFamily = (typeof FONT_FAMILIES)[number];
export type ReadingMode = (typeof READING_MODES)[number];

export interface Prefs {
  theme: Theme;
  fontSize: number;
  writingMode: WritingMode;
  language: Language;
  fontFamily: FontFamily;
  /** Copying a passage adds its 出典 line. */
  copyCitation: boolean;
  /** Scrolling through the whole document, or paged. */
  readingMode: ReadingMode;
  /** 和欧間スペース: CSS text-autospace between Japanese and Latin letters or digits. */
  autospace: boolean;
  /** The order of search results the reader chose last. */
  searchOrder: SearchOrder;
}

export const DEFAULT_PREFS: Readonly<Prefs> = Object.freeze({
  theme: 'system',
  fontSize: 18,
  writingMode: 'horizontal',
  language: 'ja',
  fontFamily: 'serif',
  copyCitation: true,
  readingMode: 'scroll',
  autospace: true,
  searchOrder: 'relevance',
});

/** The theme drawn for `theme` while the OS is dark (`osDark`) or light. */
export function resolveTheme(theme: Theme, osDark: boolean): ResolvedTheme {
  return theme === 'system' ? (osDark ? 'dark' : 'light') : theme;
}

/**
 * The size A+ (direction 1) or A− (-1) moves to from `current`: the next preset
 * above or below it (a size between presets moves to the neighbouring preset),
 * `current` itself when there is none in that direction.
 */
export function stepFontSize(current: number, direction: 1 | -1): number {
  const presets: readonly number[] = FONT_SIZE.presets;
  if (direction > 0) return presets.find((size) => size > current) ?? current;
  for (let i = presets.length - 1; i >= 0; i--) {
    const size = presets[i] as number;
    if (size < current) return size;
  }
  return current;
}

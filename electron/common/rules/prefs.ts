// The reader's preferences: which values each one takes and what it is before the
// reader chooses. The contract validates against these, user.sqlite falls back to
// the defaults, and the renderer shows the defaults until the stored values arrive,
// so the first paint already matches what the core will answer.

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export const WRITING_MODES = ['horizontal', 'vertical'] as const;
export const LANGUAGES = ['ja', 'en'] as const;
export const FONT_FAMILIES = ['serif', 'sans'] as const;

/** Text size in CSS pixels: whole numbers from min to max, A−/A+ move by step. */
export const FONT_SIZE = { min: 12, max: 32, step: 1 } as const;

export type Theme = (typeof THEMES)[number];
export type WritingMode = (typeof WRITING_MODES)[number];
export type Language = (typeof LANGUAGES)[number];
export type FontFamily = (typeof FONT_FAMILIES)[number];

export interface Prefs {
  theme: Theme;
  fontSize: number;
  writingMode: WritingMode;
  language: Language;
  fontFamily: FontFamily;
  /** Copying a passage adds its 出典 line. */
  copyCitation: boolean;
}

export const DEFAULT_PREFS: Readonly<Prefs> = Object.freeze({
  theme: 'system',
  fontSize: 18,
  writingMode: 'horizontal',
  language: 'ja',
  fontFamily: 'serif',
  copyCitation: true,
});

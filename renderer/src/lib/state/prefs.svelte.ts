// The reader's preferences (theme, text size, writing mode, reading mode, language,
// typeface, 和欧間スペース, the order of search results, copy with citation).
// They live in user.sqlite through the API, never in localStorage: the browser
// edition gets a new origin (port) every run and would forget them. Changes apply at
// once and are written through; a failed write is reported, the choice is kept.
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type {
  FontFamily,
  Language,
  Prefs,
  ReadingMode,
  SearchOrder,
  Theme,
  WritingMode,
} from '../../../../electron/common/api/types';
import {
  DEFAULT_PREFS,
  FONT_SIZE,
  resolveTheme,
  stepFontSize,
  type ResolvedTheme,
} from '../../../../electron/common/rules/prefs';

export const FONT_SIZE_MIN = FONT_SIZE.min;
export const FONT_SIZE_MAX = FONT_SIZE.max;
/** The sizes the size control offers (A−/A+ move between them). */
export const FONT_SIZE_PRESETS: readonly number[] = FONT_SIZE.presets;

export type { ResolvedTheme };

/** The preferences this state holds, each applied at once by `update`. */
const KEYS = [
  'theme',
  'fontSize',
  'writingMode',
  'language',
  'fontFamily',
  'copyCitation',
  'readingMode',
  'autospace',
  'searchOrder',
] as const satisfies readonly (keyof Prefs)[];

export class PrefsState {
  theme = $state<Theme>(DEFAULT_PREFS.theme);
  fontSize = $state(DEFAULT_PREFS.fontSize);
  writingMode = $state<WritingMode>(DEFAULT_PREFS.writingMode);
  language = $state<Language>(DEFAULT_PREFS.language);
  fontFamily = $state<FontFamily>(DEFAULT_PREFS.fontFamily);
  /** Whether copying adds the source line (出典). */
  copyCitation = $state(DEFAULT_PREFS.copyCitation);
  /** One continuous scroll, or whole pages. */
  readingMode = $state<ReadingMode>(DEFAULT_PREFS.readingMode);
  /** 和欧間スペース (CSS text-autospace) between Japanese and Latin letters or digits. */
  autospace = $state(DEFAULT_PREFS.autospace);
  /** The order of search results the reader chose last. */
  searchOrder = $state<SearchOrder>(DEFAULT_PREFS.searchOrder);
  /** The OS colour scheme, followed while theme is 'system'. */
  osDark = $state(false);
  /** Last failed write, shown to the reader; cleared by the next successful one. */
  saveError = $state<string | null>(null);

  resolvedTheme: ResolvedTheme = $derived(resolveTheme(this.theme, this.osDark));
  vertical = $derived(this.writingMode === 'vertical');
  paged = $derived(this.readingMode === 'paged');

  private readonly api: Pick<ApiClient, 'setPrefs'>;

  constructor(api: Pick<ApiClient, 'setPrefs'> = defaultApi) {
    this.api = api;
  }

  private apply(p: Partial<Prefs>): void {
    const self = this as unknown as Record<keyof Prefs, unknown>;
    for (const key of KEYS) if (p[key] !== undefined) self[key] = p[key];
  }

  /** Takes the stored preferences (at start). */
  load(p: Prefs): void {
    this.apply(p);
  }

  /** Applies a change now and writes it through to user.sqlite. */
  async update(patch: Partial<Prefs>): Promise<void> {
    this.apply(patch);
    try {
      await this.api.setPrefs(patch);
      this.saveError = null;
    } catch (err) {
      this.saveError = messageOf(err);
    }
  }

  /** A− / A+: the next preset size below or above (nothing written at either end). */
  stepFontSize(direction: 1 | -1): Promise<void> {
    const next = stepFontSize(this.fontSize, direction);
    return next === this.fontSize ? Promise.resolve() : this.update({ fontSize: next });
  }
}

export const prefs = new PrefsState();

// The reader's preferences (theme, text size, writing mode, language, typeface,
// copy with citation).
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
  Theme,
  WritingMode,
} from '../../../../electron/common/api/types';
import { DEFAULT_PREFS, FONT_SIZE } from '../../../../electron/common/rules/prefs';

export const FONT_SIZE_MIN = FONT_SIZE.min;
export const FONT_SIZE_MAX = FONT_SIZE.max;
export const FONT_SIZE_STEP = FONT_SIZE.step;

export type ResolvedTheme = Exclude<Theme, 'system'>;

export class PrefsState {
  theme = $state<Theme>(DEFAULT_PREFS.theme);
  fontSize = $state(DEFAULT_PREFS.fontSize);
  writingMode = $state<WritingMode>(DEFAULT_PREFS.writingMode);
  language = $state<Language>(DEFAULT_PREFS.language);
  fontFamily = $state<FontFamily>(DEFAULT_PREFS.fontFamily);
  /** Whether copying adds the source line (出典). */
  copyCitation = $state(DEFAULT_PREFS.copyCitation);
  /** The OS colour scheme, followed while theme is 'system'. */
  osDark = $state(false);
  /** Last failed write, shown to the reader; cleared by the next successful one. */
  saveError = $state<string | null>(null);

  resolvedTheme: ResolvedTheme = $derived(
    this.theme === 'system' ? (this.osDark ? 'dark' : 'light') : this.theme,
  );
  vertical = $derived(this.writingMode === 'vertical');

  private readonly api: Pick<ApiClient, 'setPrefs'>;

  constructor(api: Pick<ApiClient, 'setPrefs'> = defaultApi) {
    this.api = api;
  }

  /** Takes the stored preferences (at start). */
  load(p: Prefs): void {
    this.theme = p.theme;
    this.fontSize = p.fontSize;
    this.writingMode = p.writingMode;
    this.language = p.language;
    this.fontFamily = p.fontFamily;
    this.copyCitation = p.copyCitation;
  }

  /** Applies a change now and writes it through to user.sqlite. */
  async update(patch: Partial<Prefs>): Promise<void> {
    if (patch.theme !== undefined) this.theme = patch.theme;
    if (patch.fontSize !== undefined) this.fontSize = patch.fontSize;
    if (patch.writingMode !== undefined) this.writingMode = patch.writingMode;
    if (patch.language !== undefined) this.language = patch.language;
    if (patch.fontFamily !== undefined) this.fontFamily = patch.fontFamily;
    if (patch.copyCitation !== undefined) this.copyCitation = patch.copyCitation;
    try {
      await this.api.setPrefs(patch);
      this.saveError = null;
    } catch (err) {
      this.saveError = messageOf(err);
    }
  }

  stepFontSize(direction: 1 | -1): Promise<void> {
    const next = Math.min(
      FONT_SIZE_MAX,
      Math.max(FONT_SIZE_MIN, this.fontSize + direction * FONT_SIZE_STEP),
    );
    return next === this.fontSize ? Promise.resolve() : this.update({ fontSize: next });
  }
}

export const prefs = new PrefsState();

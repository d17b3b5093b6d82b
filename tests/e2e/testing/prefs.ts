// The preferences a browser test starts from (stored through the contract before each
// test), so each test begins at the same look whatever the one before it changed.
import type { Prefs } from '../../../electron/common/api/types';

export const DEFAULT_PREFS: Prefs = {
  theme: 'light',
  fontSize: 17,
  writingMode: 'horizontal',
  language: 'ja',
  fontFamily: 'serif',
  copyCitation: true,
  readingMode: 'scroll',
  autospace: true,
  searchOrder: 'relevance',
};

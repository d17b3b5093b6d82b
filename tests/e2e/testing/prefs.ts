// The preferences a browser test starts from (stored through the contract before each
// test), so each test begins at the same look whatever the one before it changed: the
// app's defaults, in the light theme at 17 px (what the screenshots are taken at).
import type { Prefs } from '../../../electron/common/api/types';
import { DEFAULT_PREFS as APP_DEFAULTS } from '../../../electron/common/rules/prefs';

export const DEFAULT_PREFS: Prefs = { ...APP_DEFAULTS, theme: 'light', fontSize: 17 };

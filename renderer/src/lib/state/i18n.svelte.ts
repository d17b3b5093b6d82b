// `t(key)` for components: the message in the language the reader chose, from the app's
// one string table (electron/common/i18n). Reading prefs.language inside makes every
// template that calls it follow a language switch.
import { translate, type MessageParams } from '../../../../electron/common/i18n/format';
import type { MessageKey } from '../../../../electron/common/i18n/messages';
import { prefs } from './prefs.svelte';

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(prefs.language, key, params);
}

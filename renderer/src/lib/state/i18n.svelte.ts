// `t(key)` for components: the message in the language the reader chose. Reading
// prefs.language inside makes every template that calls it follow a language switch.
import { translate, type MessageKey } from '../i18n';
import { prefs } from './prefs.svelte';

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(prefs.language, key, params);
}

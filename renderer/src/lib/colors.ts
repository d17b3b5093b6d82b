// The message key naming each highlight colour (for labels and tooltips).
import type { HighlightColor } from '../../../electron/common/api/types';
import type { MessageKey } from '../../../electron/common/i18n/messages';

const KEYS: Record<HighlightColor, MessageKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  purple: 'colorPurple',
};

export function colorKey(color: HighlightColor): MessageKey {
  return KEYS[color];
}

// The one string table of the app, for every layer: the renderer (through `t()`), the
// Electron shell's menu and About box, and the core's notices (their English `message`,
// which the CLI and logs print). Japanese is the default; English has the same keys.
import type { Language } from '../api/types';
import { en } from './en';
import { ja } from './ja';

export type MessageKey = keyof typeof ja;
export type Messages = Record<MessageKey, string>;

export const LANGUAGES = ['ja', 'en'] as const satisfies readonly Language[];

export const messages: Record<Language, Messages> = { ja, en };

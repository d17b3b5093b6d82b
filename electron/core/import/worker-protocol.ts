// Messages between ./worker-client.ts and ./worker.ts: the import's options and bytes
// go in (the bytes transferred, not copied), progress and one result or error come out.
import type { ImportErrorCode } from './errors';
import type { ImportResult } from './import';
import type { ImportLimits } from './limits';
import type { ImportProgress } from './types';

export interface StartMessage {
  type: 'start';
  bytes: Uint8Array;
  name: string;
  target: string;
  title?: string;
  documentId?: string;
  limits?: Partial<ImportLimits>;
}

export type ToWorker = StartMessage | { type: 'abort' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; code: ImportErrorCode; message: string };

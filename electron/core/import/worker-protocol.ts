// Messages between ./worker-client.ts and ./worker.ts: the import's options and bytes
// go in (the bytes transferred, not copied), progress and one result or error come out.
import type { ImportErrorCode } from './errors';
import type { ImportOptions, ImportResult } from './import';
import type { ImportProgress } from './types';

/** The options that cross to the worker (callbacks and the signal stay with the caller). */
export type StartMessage = { type: 'start' } & Pick<
  ImportOptions,
  'bytes' | 'name' | 'target' | 'title' | 'documentId' | 'limits'
>;

export type ToWorker = StartMessage | { type: 'abort' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; code: ImportErrorCode; message: string };

// The messages between the host's thread and the notes-import worker
// (./import-worker.ts, started by ./import-runner.ts). The worker reads, checks and
// places the file, says how much it would write, waits for the host to take its
// backup, then writes in one transaction through its own connection.
// Every message is small whatever the file's size: the file's bytes are handed
// over (transferred, not copied), and reports travel as counts plus the first
// MAX_IMPORT_REPORTS, so the host's thread never clones or decodes anything large.
import type { ImportItemReport, ImportProgress } from '../../common/api/types';
import type { PrepareInput } from './import-prepare';
import type { ImportWriteResult } from './import-write';

export interface ImportRunInput extends PrepareInput {
  /** Digest of this content: placed annotations are stored with it. */
  digest: string | null;
  /** user.sqlite (the worker opens its own connection to write). */
  dbPath: string;
  /** The notes' document in user.sqlite ('' the bundled chapter, else a library document id). */
  documentKey: string;
}

export type ToImportWorker =
  { type: 'start'; input: ImportRunInput; cancel: SharedArrayBuffer } | { type: 'write' };

export type FromImportWorker =
  | { type: 'progress'; phase: ImportProgress['phase']; done: number; total: number }
  | {
      type: 'prepared';
      /** Items checked and placed, to be written. */
      toWrite: number;
      /** Of those, how many would change what is stored. */
      changes: number;
      /** The first refusals (file order), at most MAX_IMPORT_REPORTS. */
      refused: ImportItemReport[];
      /** All refusals, counted per kind. */
      refusedCount: RefusedCount;
      orphaned: number;
    }
  | { type: 'done'; write: ImportWriteResult }
  | { type: 'failed'; kind: 'format' | 'cancelled' | 'busy' | 'error'; message: string };

export interface RefusedCount {
  annotations: number;
  bookmarks: number;
}

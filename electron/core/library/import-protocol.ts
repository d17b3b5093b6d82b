// The messages between the host's thread and the notes-import worker
// (./import-worker.ts, started by ./import-runner.ts). The worker reads, checks and
// places the file, says how much it would write, waits for the host to take its
// backup, then writes in one transaction through its own connection.
import type { ImportProgress } from '../../common/api/types';
import type { PrepareInput } from './import-prepare';
import type { ImportWriteResult } from './import-write';
import type { ImportItemReport } from '../../common/api/types';

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
      refused: ImportItemReport[];
      orphaned: number;
    }
  | { type: 'done'; write: ImportWriteResult }
  | { type: 'failed'; kind: 'format' | 'cancelled' | 'busy' | 'error'; message: string };

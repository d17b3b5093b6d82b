// Where an import runs. In a host that answers requests (the desktop app, the
// browser edition) it runs in a worker thread: reading, checking, placing and even
// the write transaction happen there, so the thread that answers the reader is never
// held up. Where nobody else is waiting (the CLI), or where no worker script is
// available, it runs on the calling thread in steps that yield. Both run the same
// two halves (./import-prepare.ts, ./import-write.ts) and end the same way.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { ApiError } from '../../common/api/contract';
import { ImportEncodingError } from '../../common/annotations/import-text';
import { ImportFormatError } from '../../common/annotations/w3c';
import type { ImportItemReport, ImportProgress } from '../../common/api/types';
import { ImportCancelled, prepareImport, refusalReports } from './import-prepare';
import type {
  FromImportWorker,
  ImportRunInput,
  RefusedCount,
  ToImportWorker,
} from './import-protocol';
import { planImport, writeImport, type ImportWriteResult } from './import-write';
import { writeFailure } from './sqlite-errors';

export type { ImportRunInput } from './import-protocol';

export interface ImportRunHooks {
  progress(phase: ImportProgress['phase'], done: number, total: number): void;
  /**
   * Everything is checked and `changes` items would change what is stored; resolves
   * when writing may start (the host takes its backup when there are changes).
   */
  beforeWrite(changes: number): Promise<void>;
}

export interface ImportRunResult {
  /** The first refusals, in file order (at most MAX_IMPORT_REPORTS). */
  refused: ImportItemReport[];
  refusedCount: RefusedCount;
  orphaned: number;
  /** Null when nothing was to be written. */
  write: ImportWriteResult | null;
}

/** The reader's "stop": a flag both threads can read without a message. */
export class CancelFlag {
  readonly buffer = new SharedArrayBuffer(4);
  private readonly view = new Int32Array(this.buffer);
  set(): void {
    Atomics.store(this.view, 0, 1);
  }
  get isSet(): boolean {
    return Atomics.load(this.view, 0) === 1;
  }
}

export interface ImportRunner {
  run(input: ImportRunInput, hooks: ImportRunHooks, cancel: CancelFlag): Promise<ImportRunResult>;
}

/** A failure of either half as the contract reports it. */
export function importFailure(err: unknown): unknown {
  if (err instanceof ImportCancelled) return err;
  if (err instanceof ImportFormatError || err instanceof ImportEncodingError)
    return new ApiError('invalid_input', `import: ${err.message}; nothing was stored`);
  return writeFailure(err);
}

/** On the calling thread, yielding between steps; writes through `db`. */
export function inlineRunner(db: () => Database.Database): ImportRunner {
  return {
    async run(input, hooks, cancel) {
      const prepared = await prepareImport(input, {
        progress: hooks.progress,
        cancelled: () => cancel.isSet,
      });
      const toWrite = prepared.annotations.length + prepared.bookmarks.length;
      const base = { ...refusalReports(prepared), orphaned: prepared.orphaned };
      if (toWrite === 0) return { ...base, write: null };
      const plan = planImport(db(), prepared, input.documentKey);
      await hooks.beforeWrite(plan.changes);
      if (cancel.isSet) throw new ImportCancelled();
      hooks.progress('writing', 0, toWrite);
      const write = writeImport(db(), prepared, {
        digest: input.digest,
        documentKey: input.documentKey,
        cancelled: () => cancel.isSet,
        plan,
      });
      return { ...base, write };
    },
  };
}

/**
 * The worker to start: a bundled script as is; a .ts file (a checkout run through
 * tsx, the tests) through a two-line bootstrap that registers tsx's loader in the
 * new thread first (loader flags in a worker's execArgv do not reach it on Node 20).
 */
function startWorker(file: string): Worker {
  if (!file.endsWith('.ts')) return new Worker(file);
  const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * The worker script beside this module: import-worker.ts in a checkout, or
 * notes-import-worker.cjs beside a bundle that ships one; null when there is none.
 */
export function importWorkerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const candidate = here.endsWith('.ts')
    ? path.join(path.dirname(here), 'import-worker.ts')
    : path.join(path.dirname(here), 'notes-import-worker.cjs');
  return fs.existsSync(candidate) ? candidate : null;
}

/**
 * An ArrayBuffer holding exactly `bytes`, safe to transfer: the bytes' own buffer
 * when they fill it, else a copy (a small Buffer may share Node's pool).
 */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const buffer = bytes.buffer;
  if (
    buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === buffer.byteLength
  )
    return buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

/** In a worker thread running `file`. */
export function workerRunner(file: string): ImportRunner {
  return {
    run(input, hooks, cancel) {
      return new Promise<ImportRunResult>((resolve, reject) => {
        const worker = startWorker(file);
        let settled = false;
        let base: Omit<ImportRunResult, 'write'> | null = null;
        const finish = (error: unknown, result?: ImportRunResult): void => {
          if (settled) return;
          settled = true;
          void worker.terminate();
          if (error !== null) reject(error);
          else resolve(result as ImportRunResult);
        };
        const send = (message: ToImportWorker): void => worker.postMessage(message);
        worker.on('message', (message: FromImportWorker) => {
          switch (message.type) {
            case 'progress':
              hooks.progress(message.phase, message.done, message.total);
              return;
            case 'prepared':
              base = {
                refused: message.refused,
                refusedCount: message.refusedCount,
                orphaned: message.orphaned,
              };
              if (message.toWrite === 0) {
                finish(null, { ...base, write: null });
                return;
              }
              hooks.beforeWrite(message.changes).then(
                () => {
                  if (cancel.isSet) {
                    finish(new ImportCancelled());
                    return;
                  }
                  hooks.progress('writing', 0, message.toWrite);
                  send({ type: 'write' });
                },
                (err: unknown) => finish(err),
              );
              return;
            case 'done':
              finish(null, {
                ...(base ?? {
                  refused: [],
                  refusedCount: { annotations: 0, bookmarks: 0 },
                  orphaned: 0,
                }),
                write: message.write,
              });
              return;
            case 'failed':
              if (message.kind === 'cancelled') finish(new ImportCancelled());
              else if (message.kind === 'format')
                finish(
                  new ApiError('invalid_input', `import: ${message.message}; nothing was stored`),
                );
              else if (message.kind === 'busy')
                finish(
                  writeFailure(Object.assign(new Error(message.message), { code: 'SQLITE_BUSY' })),
                );
              else
                finish(new ApiError('internal', `import: ${message.message}; nothing was stored`));
              return;
          }
        });
        worker.on('error', (err) =>
          finish(
            new ApiError(
              'internal',
              `import: the worker failed (${err.message.split('\n')[0]}); nothing was stored`,
            ),
          ),
        );
        worker.on('exit', (code) => {
          if (!settled)
            finish(
              new ApiError(
                'internal',
                `import: the worker stopped (exit ${code}); nothing was stored`,
              ),
            );
        });
        // The file's bytes are moved to the worker, not copied (text is cloned).
        const body = input.body;
        const transfer = typeof body === 'string' ? [] : [ownBuffer(body)];
        worker.postMessage(
          {
            type: 'start',
            input: {
              ...input,
              body: typeof body === 'string' ? body : new Uint8Array(transfer[0]!),
            },
            cancel: cancel.buffer,
          } satisfies ToImportWorker,
          transfer,
        );
      });
    },
  };
}

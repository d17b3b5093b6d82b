// Runs an import in a worker thread (./worker.ts), so parsing a 100-page PDF never
// blocks the thread that serves the reader. Same options and result as
// importDocument(); progress arrives through onProgress; an AbortSignal asks the
// worker to stop at its next step and, if it does not answer within a grace period
// (a long synchronous step), terminates it. Either way the target is untouched: the
// database is renamed into place only at the end, and a temp file left by a
// terminated worker (same process id) is removed here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError } from './errors';
import type { ImportOptions, ImportResult } from './import';
import type { FromWorker, StartMessage } from './worker-protocol';

export interface WorkerImportOptions extends ImportOptions {
  /**
   * The worker's script. Default: ./worker.ts beside this file, run through tsx (the
   * development and test setup); a packaged app passes its bundled worker.
   */
  workerFile?: string;
  /** How long an aborted worker may take to stop before it is terminated (ms). */
  abortGraceMs?: number;
}

/**
 * The worker to start: a bundled .js/.mjs/.cjs file as is; a .ts file (development,
 * tests) through a two-line bootstrap that registers tsx's loader in the new thread
 * first (loader flags in a worker's execArgv do not reach it on Node 20).
 */
function startWorker(file: string): Worker {
  if (!file.endsWith('.ts')) return new Worker(file);
  const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/** The bundled worker's file name, beside the bundle that starts it (build/bundle-*.ts). */
export const IMPORT_WORKER_BUNDLE = 'import-worker.cjs';

/** ./worker.ts beside this module in a checkout; the bundled worker beside a bundle. */
export function defaultWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(path.dirname(here), here.endsWith('.ts') ? 'worker.ts' : IMPORT_WORKER_BUNDLE);
}

/** Removes temp files an interrupted atomic write of `target` by this process left behind. */
export function removeStaleTempFiles(target: string): void {
  const dir = path.dirname(path.resolve(target));
  const prefix = `${path.basename(target)}.tmp-${process.pid}-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names)
    if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { force: true });
}

export function importInWorker(options: WorkerImportOptions): Promise<ImportResult> {
  const file = options.workerFile ?? defaultWorkerFile();
  const name = path.basename(options.name);
  if (options.signal?.aborted)
    return Promise.reject(new ImportError('aborted', `${name}: import cancelled`));
  return new Promise((resolve, reject) => {
    const worker = startWorker(file);
    let settled = false;
    let graceTimer: NodeJS.Timeout | null = null;
    const finish = (error: ImportError | null, result?: ImportResult) => {
      if (settled) return;
      settled = true;
      if (graceTimer) clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      // Settled once the thread is gone and anything it left is removed: a caller that
      // looks at the target's folder right after a failure finds it as it was.
      void worker
        .terminate()
        .catch(() => undefined)
        .then(() => {
          if (error) {
            removeStaleTempFiles(options.target);
            reject(error);
          } else resolve(result as ImportResult);
        });
    };
    const onAbort = () => {
      worker.postMessage({ type: 'abort' });
      graceTimer = setTimeout(
        () => finish(new ImportError('aborted', `${name}: import cancelled`)),
        options.abortGraceMs ?? 2000,
      );
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'done') finish(null, message.result);
      else finish(new ImportError(message.code, message.message));
    });
    worker.on('error', (err) =>
      finish(new ImportError('damaged', `${name}: import failed (${err.message.split('\n')[0]})`)),
    );
    worker.on('exit', (code) => {
      if (!settled)
        finish(new ImportError('damaged', `${name}: import stopped unexpectedly (exit ${code})`));
    });
    // The bytes are copied once into a buffer the worker then owns.
    const bytes = new Uint8Array(options.bytes);
    const start: StartMessage = {
      type: 'start',
      bytes,
      name: options.name,
      target: options.target,
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.documentId !== undefined ? { documentId: options.documentId } : {}),
      ...(options.limits !== undefined ? { limits: options.limits } : {}),
    };
    worker.postMessage(start, [bytes.buffer]);
  });
}

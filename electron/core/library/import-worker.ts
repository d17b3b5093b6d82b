// The notes-import worker thread: the whole import away from the thread that
// answers the reader (see ./import-protocol.ts for the conversation). It opens
// user.sqlite only to write, with the same durability settings as the library, and
// closes it before it answers.
import { parentPort } from 'node:worker_threads';
import { ImportEncodingError } from '../../common/annotations/import-text';
import { ImportFormatError } from '../../common/annotations/w3c';
import {
  ImportCancelled,
  prepareImport,
  refusalReports,
  type PreparedImport,
} from './import-prepare';
import type { FromImportWorker, ToImportWorker } from './import-protocol';
import { planImport, writeImport, type ImportPlan } from './import-write';
import { classifySqliteError } from './sqlite-errors';
import { openWritableUserDb } from './user-db';
import type Database from 'better-sqlite3';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs as a worker thread');

let started: Extract<ToImportWorker, { type: 'start' }> | null = null;
let prepared: PreparedImport | null = null;
let plan: ImportPlan | null = null;
let db: Database.Database | null = null;

function closeDb(): void {
  db?.close();
  db = null;
}
const send = (message: FromImportWorker): void => port.postMessage(message);

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof ImportCancelled) send({ type: 'failed', kind: 'cancelled', message });
  else if (err instanceof ImportFormatError || err instanceof ImportEncodingError)
    send({ type: 'failed', kind: 'format', message });
  else if (classifySqliteError(err) === 'busy') send({ type: 'failed', kind: 'busy', message });
  else send({ type: 'failed', kind: 'error', message });
}

port.on('message', (message: ToImportWorker) => {
  if (message.type === 'start') {
    started = message;
    const flag = new Int32Array(message.cancel);
    prepareImport(message.input, {
      progress: (phase, done, total) => send({ type: 'progress', phase, done, total }),
      cancelled: () => Atomics.load(flag, 0) === 1,
    }).then(
      (result) => {
        prepared = result;
        const toWrite = result.annotations.length + result.bookmarks.length;
        let changes = 0;
        try {
          if (toWrite > 0) {
            db = openWritableUserDb(message.input.dbPath);
            plan = planImport(db, result, message.input.documentKey);
            changes = plan.changes;
          }
        } catch (err) {
          closeDb();
          fail(err);
          return;
        }
        send({
          type: 'prepared',
          toWrite,
          changes,
          ...refusalReports(result),
          orphaned: result.orphaned,
        });
      },
      (err: unknown) => {
        closeDb();
        fail(err);
      },
    );
    return;
  }
  if (message.type === 'write' && started && prepared && db) {
    const flag = new Int32Array(started.cancel);
    try {
      const write = writeImport(db, prepared, {
        digest: started.input.digest,
        documentKey: started.input.documentKey,
        cancelled: () => Atomics.load(flag, 0) === 1,
        plan: plan ?? undefined,
      });
      closeDb();
      send({ type: 'done', write });
    } catch (err) {
      closeDb();
      fail(err);
    }
  }
});

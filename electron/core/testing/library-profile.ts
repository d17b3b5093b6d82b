// Test support for the library of imported documents: a reader core over the real
// content database and a real user-data folder, an import through the contract
// followed to its end, and a snapshot of everything an import may change (the
// library/ folder's files by hash, every table of user.sqlite) to prove a failed,
// refused or cancelled import changed nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { invoke, type ApiArgs, type ApiMethod, type ApiResult } from '../../common/api/contract';
import type { DocumentImportStatus } from '../../common/api/types';
import { ensureContentDb } from '../content/ensure';
import { LIBRARY_DIR } from '../documents/library';
import { defaultContentDbPath } from '../paths';
import { openReaderCore, type ReaderCore, type ReaderCoreOptions } from '../reader-core';
import { openDatabase } from '../sqlite';
import { coreOpeners } from '../wiring';

/** The bundled chapter's content database, built when missing or stale. */
export function contentDb(): string {
  return ensureContentDb({ dbPath: defaultContentDbPath(), log: () => {} }).dbPath;
}

export interface Profile {
  core: ReaderCore;
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
}

export function openProfile(
  userDataDir: string,
  documents?: ReaderCoreOptions['documents'],
): Profile {
  const core = openReaderCore(coreOpeners, {
    contentDbPath: contentDb(),
    userDataDir,
    host: 'cli',
    version: '0.0.0-test',
    library: { autoBackup: false },
    ...(documents ? { documents } : {}),
  });
  return { core, call: (method, args) => invoke(core.handlers, method, args) };
}

/** Starts an import of `file` and follows it to its end (done, failed or cancelled). */
export async function importFile(
  profile: Profile,
  file: string,
  extra: Partial<ApiArgs<'importDocument'>> = {},
  bytes: Uint8Array = fs.readFileSync(file),
): Promise<DocumentImportStatus> {
  let status = await profile.call('importDocument', {
    name: path.basename(file),
    file: bytes,
    ...extra,
  });
  while (status.state === 'running')
    status = await profile.call('importDocumentStatus', { jobId: status.jobId, waitMs: 5000 });
  return status;
}

/** Every file of library/ with its hash, and every table of user.sqlite with its rows. */
export function snapshot(userDataDir: string): { files: Record<string, string>; db: unknown } {
  const dir = path.join(userDataDir, LIBRARY_DIR);
  const files: Record<string, string> = {};
  if (fs.existsSync(dir))
    for (const name of fs.readdirSync(dir).sort())
      files[name] = crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(dir, name)))
        .digest('hex');
  const db = openDatabase(path.join(userDataDir, 'user.sqlite'), { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const rows: Record<string, unknown[]> = {};
    for (const table of tables) rows[table] = db.prepare(`SELECT * FROM "${table}"`).all();
    return { files, db: rows };
  } finally {
    db.close();
  }
}

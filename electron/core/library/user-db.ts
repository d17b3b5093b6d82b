// Opening user.sqlite safely. Before anything can write to the file (switching to
// WAL rewrites the header), a read-only connection reads its user_version and checks
// it: a database from a newer app is refused and left byte-for-byte untouched, a
// damaged one is reported so that the caller can move it aside. Only then is the
// writable connection opened with the durability settings the notes rely on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../common/api/contract';
import { openDatabase } from '../sqlite';
import type { DamageKind } from '../../common/api/notices';

export const USER_DB_FILE = 'user.sqlite';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The database was written by a newer version of the app: refused, untouched. */
export class NewerDatabaseError extends ApiError {
  readonly found: number;
  readonly supported: number;
  readonly path: string;
  constructor(path: string, found: number, supported: number) {
    super(
      'unavailable',
      `${path} was written by a newer Hakusho Reader (schema ${found}; this version knows up to ${supported}). ` +
        'It has not been changed: update the app to open it.',
    );
    this.name = 'NewerDatabaseError';
    this.found = found;
    this.supported = supported;
    this.path = path;
  }
}

export type ProbeResult =
  | { state: 'missing' }
  | { state: 'ok'; version: number }
  | { state: 'corrupt'; damage: DamageKind; reason: string }
  /** The main file is sound but the -wal beside it does not belong to it. */
  | { state: 'stale-wal'; damage: DamageKind; reason: string };

interface DbState {
  version: number;
  /** Our change counter, or null when the meta table is missing. */
  changeSeq: number | null;
}

function readState(db: Database.Database): DbState {
  const version = db.pragma('user_version', { simple: true }) as number;
  const hasMeta = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'")
    .get();
  const row = hasMeta
    ? (db.prepare("SELECT value FROM meta WHERE key = 'change_seq'").get() as
        { value: string } | undefined)
    : undefined;
  return { version, changeSeq: row ? Number(row.value) : null };
}

/**
 * The state of the main file alone, ignoring any -wal beside it: read from a
 * private copy (opening the real file would apply the -wal). Null if unreadable.
 */
function mainFileState(file: string): DbState | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-probe-'));
  try {
    const copy = path.join(dir, 'main.sqlite');
    fs.copyFileSync(file, copy);
    const db = openDatabase(copy, { readonly: true, fileMustExist: true });
    try {
      return readState(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A -wal left beside the database that does not continue it (another database's,
 * or an older one after a file was copied back): applying it would replace our
 * data by something else while integrity_check still passes. A genuine WAL only
 * moves the schema version and our change counter forward.
 */
function staleWalReason(
  main: DbState,
  withWal: DbState,
): { damage: DamageKind; reason: string } | null {
  if (main.version === 0 || main.changeSeq === null) return null;
  if (withWal.version < main.version)
    return {
      // Without our meta table it is not ours at all; with it, an older state of ours.
      damage: withWal.changeSeq === null ? 'foreign_wal' : 'older_wal',
      reason: `the -wal file would take the schema back from version ${main.version} to ${withWal.version}`,
    };
  if (withWal.changeSeq === null)
    return { damage: 'foreign_wal', reason: 'the -wal file belongs to another database' };
  if (withWal.changeSeq < main.changeSeq)
    return {
      damage: 'older_wal',
      reason: 'the -wal file holds an older state than the database file',
    };
  return null;
}

/** Reads the schema version and checks integrity without writing to the main file. */
export function probeUserDb(file: string, supported: number): ProbeResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { state: 'missing' };
  }
  if (!stat.isFile())
    return { state: 'corrupt', damage: 'not_a_file', reason: 'not a regular file' };
  if (stat.size === 0)
    return { state: 'corrupt', damage: 'empty', reason: 'the file is empty (zero length)' };
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_MAGIC))
    return {
      state: 'corrupt',
      damage: 'bad_header',
      reason: 'the file header is not an SQLite header',
    };
  let db: Database.Database | undefined;
  try {
    let walSize = 0;
    try {
      walSize = fs.statSync(`${file}-wal`).size;
    } catch {
      walSize = 0;
    }
    const main = walSize > 0 ? mainFileState(file) : null;
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    const state = readState(db);
    const version = state.version;
    if (main && main.version > supported)
      throw new NewerDatabaseError(file, main.version, supported);
    if (version > supported) throw new NewerDatabaseError(file, version, supported);
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      if (main)
        return {
          state: 'stale-wal',
          damage: 'wal_integrity',
          reason: `integrity check failed with the -wal applied: ${check}`,
        };
      return { state: 'corrupt', damage: 'integrity', reason: `integrity check failed: ${check}` };
    }
    const stale = main ? staleWalReason(main, state) : null;
    if (stale) return { state: 'stale-wal', ...stale };
    return { state: 'ok', version };
  } catch (err) {
    if (err instanceof NewerDatabaseError) throw err;
    return {
      state: 'corrupt',
      damage: 'unreadable',
      reason: err instanceof Error ? err.message : String(err),
    };
  } finally {
    db?.close();
  }
}

/** The writable connection: WAL, synchronous FULL, foreign keys, a busy timeout. */
export function openWritableUserDb(file: string): Database.Database {
  const db = openDatabase(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Full integrity check of an open database or a file (read-only); 'ok' when sound. */
export function integrityCheck(dbOrFile: Database.Database | string): string {
  if (typeof dbOrFile !== 'string') {
    const rows = dbOrFile.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  }
  let db: Database.Database | undefined;
  try {
    db = openDatabase(dbOrFile, { readonly: true, fileMustExist: true });
    return integrityCheck(db);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    db?.close();
  }
}

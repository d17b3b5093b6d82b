// Opening user.sqlite safely. Before anything can write to the file (switching to
// WAL rewrites the header), a read-only connection reads its user_version and checks
// it: a database from a newer app is refused and left byte-for-byte untouched, a
// damaged one is reported so that the caller can move it aside. Only then is the
// writable connection opened with the durability settings the notes rely on.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { ApiError } from '../../common/api/contract';

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
  { state: 'missing' } | { state: 'ok'; version: number } | { state: 'corrupt'; reason: string };

/** Reads the schema version and checks integrity without writing to the main file. */
export function probeUserDb(file: string, supported: number): ProbeResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { state: 'missing' };
  }
  if (!stat.isFile()) return { state: 'corrupt', reason: 'not a regular file' };
  if (stat.size === 0) return { state: 'corrupt', reason: 'the file is empty (zero length)' };
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_MAGIC))
    return { state: 'corrupt', reason: 'the file header is not an SQLite header' };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > supported) throw new NewerDatabaseError(file, version, supported);
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') return { state: 'corrupt', reason: `integrity check failed: ${check}` };
    return { state: 'ok', version };
  } catch (err) {
    if (err instanceof NewerDatabaseError) throw err;
    return { state: 'corrupt', reason: err instanceof Error ? err.message : String(err) };
  } finally {
    db?.close();
  }
}

/** The writable connection: WAL, synchronous FULL, foreign keys, a busy timeout. */
export function openWritableUserDb(file: string): Database.Database {
  const db = new Database(file);
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
    db = new Database(dbOrFile, { readonly: true, fileMustExist: true });
    return integrityCheck(db);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    db?.close();
  }
}

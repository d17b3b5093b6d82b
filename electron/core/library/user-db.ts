// Opening user.sqlite safely. Before anything can write to the file (switching to
// WAL rewrites the header), a read-only connection looks at it and says what it is:
// missing, ours and sound, ours from a newer app (refused, left byte-for-byte
// untouched), not ours at all (another program's SQLite file), damaged, sound but
// with a -wal beside it that does not belong to it — or simply busy, because another
// process holds a lock. Only SQLite's own verdicts (SQLITE_CORRUPT, SQLITE_NOTADB, a
// failed integrity check) and a zero-length or truncated file count as damage: a
// busy, read-only or otherwise unopenable file is never judged damaged, so it is
// never moved aside. Only then is the writable connection opened with the
// durability settings the notes rely on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../common/api/contract';
import type { DamageKind } from '../../common/api/notices';
import { openDatabase } from '../sqlite';
import { classifySqliteError, IN_USE_MESSAGE, messageOf } from './sqlite-errors';

export const USER_DB_FILE = 'user.sqlite';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** How long a busy database is waited for before it is reported as in use (ms). */
export const DEFAULT_BUSY_WAIT_MS = 5000;

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

/** Another process holds the database longer than we wait: in use, not damaged. */
export class DatabaseInUseError extends ApiError {
  readonly path: string;
  constructor(path: string, detail: string) {
    super('conflict', `${path}: ${IN_USE_MESSAGE} (${detail})`);
    this.name = 'DatabaseInUseError';
    this.path = path;
  }
}

/** The database could not be opened for a reason that is not damage; nothing was changed. */
export class DatabaseUnavailableError extends ApiError {
  readonly path: string;
  readonly detail: string;
  constructor(path: string, detail: string) {
    super('unavailable', `${path} cannot be opened (${detail}); it has not been changed`);
    this.name = 'DatabaseUnavailableError';
    this.path = path;
    this.detail = detail;
  }
}

export type ProbeResult =
  | { state: 'missing' }
  | { state: 'ok'; version: number }
  /** An SQLite database, but not one this app wrote (no schema or user_version of ours). */
  | { state: 'foreign'; reason: string }
  | { state: 'corrupt'; damage: DamageKind; reason: string }
  /** The main file is sound but the -wal beside it does not belong to it. */
  | { state: 'stale-wal'; damage: DamageKind; reason: string };

interface DbState {
  version: number;
  /** Our change counter, or null when the meta table is missing. */
  changeSeq: number | null;
  /** Number of schema objects (tables, indexes …). */
  objects: number;
}

function readState(db: Database.Database): DbState {
  const version = db.pragma('user_version', { simple: true }) as number;
  const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  const hasMeta = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'")
    .get();
  let changeSeq: number | null = null;
  if (hasMeta) {
    try {
      const row = db.prepare("SELECT value FROM meta WHERE key = 'change_seq'").get() as
        { value: unknown } | undefined;
      changeSeq = row ? Number(row.value) : null;
    } catch {
      // A table called meta of another shape: not ours.
      changeSeq = null;
    }
  }
  return { version, changeSeq, objects };
}

/**
 * Whether a database of this state was written by this app (or a newer one): a
 * fresh file (no schema, user_version 0) may become ours; a schema version we know
 * with our change counter is ours; a version above ours is a newer app's. Anything
 * else — tables without our user_version, a user_version without our tables — is
 * another program's file.
 */
function foreignReason(state: DbState, supported: number): string | null {
  if (state.version === 0)
    return state.objects === 0
      ? null
      : `it holds ${state.objects} schema object(s) but no Hakusho Reader schema version`;
  if (state.version > supported) return null;
  if (state.changeSeq === null || !Number.isFinite(state.changeSeq))
    return `its schema version is ${state.version} but it lacks the Hakusho Reader tables`;
  return null;
}

/** Sleeps synchronously (opening happens before any event loop work is possible). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `step` again while SQLite reports the database busy or locked, for at most
 * `waitMs`; then throws DatabaseInUseError. Any other failure is rethrown at once.
 */
export function whileBusy<T>(file: string, waitMs: number, step: () => T): T {
  const deadline = Date.now() + waitMs;
  for (let pause = 25; ; pause = Math.min(pause * 2, 500)) {
    try {
      return step();
    } catch (err) {
      if (classifySqliteError(err) !== 'busy') throw err;
      const left = deadline - Date.now();
      if (left <= 0) throw new DatabaseInUseError(file, messageOf(err));
      sleepSync(Math.min(pause, left));
    }
  }
}

/** Page size, page count and whether the header's page count can be trusted (file format §1.3). */
function headerFacts(header: Buffer): { pageSize: number; pages: number; countValid: boolean } {
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const changeCounter = header.readUInt32BE(24);
  const pages = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  return { pageSize, pages, countValid: pages > 0 && changeCounter === validFor };
}

function isPowerOfTwoPageSize(size: number): boolean {
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0;
}

/** What the first 100 bytes say about the file: damage, or null when plausible. */
function headerDamage(file: string, size: number): { damage: DamageKind; reason: string } | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 16 || !header.subarray(0, 16).equals(SQLITE_MAGIC))
    return { damage: 'bad_header', reason: 'the file header is not an SQLite header' };
  if (read < 100)
    return { damage: 'truncated', reason: `the file ends inside its header (${size} bytes)` };
  const { pageSize, pages, countValid } = headerFacts(header);
  if (!isPowerOfTwoPageSize(pageSize))
    return { damage: 'bad_header', reason: `the header names an impossible page size ${pageSize}` };
  if (size < pageSize || (countValid && size < pages * pageSize))
    return {
      damage: 'truncated',
      reason: `the file is truncated: ${size} bytes, its header says ${countValid ? pages * pageSize : pageSize}`,
    };
  return null;
}

/**
 * The state of the main file alone, ignoring any -wal beside it: read from a
 * private copy (opening the real file would apply the -wal). `sound` is false when
 * the copy fails SQLite's checks.
 */
function mainFileState(file: string): { state: DbState; sound: boolean; reason: string } | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-probe-'));
  try {
    const copy = path.join(dir, 'main.sqlite');
    fs.copyFileSync(file, copy);
    const db = openDatabase(copy, { readonly: true, fileMustExist: true });
    try {
      const state = readState(db);
      const check = db.pragma('quick_check', { simple: true }) as string;
      return { state, sound: check === 'ok', reason: check };
    } finally {
      db.close();
    }
  } catch (err) {
    if (classifySqliteError(err) === 'damage')
      return {
        state: { version: 0, changeSeq: null, objects: 0 },
        sound: false,
        reason: messageOf(err),
      };
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

function walSize(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

export interface ProbeOptions {
  /** How long to wait for a busy database before DatabaseInUseError (ms). */
  busyWaitMs?: number;
}

/**
 * Reads the schema version and checks integrity without writing to the main file.
 * Throws NewerDatabaseError (a newer app's file), DatabaseInUseError (another
 * process holds it) or DatabaseUnavailableError (any other failure that is not
 * damage) — in each case the file is left as it was.
 */
export function probeUserDb(
  file: string,
  supported: number,
  options: ProbeOptions = {},
): ProbeResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw new DatabaseUnavailableError(file, messageOf(err));
  }
  if (!stat.isFile())
    return { state: 'corrupt', damage: 'not_a_file', reason: 'not a regular file' };
  if (stat.size === 0)
    return { state: 'corrupt', damage: 'empty', reason: 'the file is empty (zero length)' };
  let damaged: { damage: DamageKind; reason: string } | null;
  try {
    damaged = headerDamage(file, stat.size);
  } catch (err) {
    throw new DatabaseUnavailableError(file, messageOf(err));
  }
  if (damaged) return { state: 'corrupt', ...damaged };

  const main = walSize(file) > 0 ? mainFileState(file) : null;
  if (main?.sound && main.state.version > supported && !foreignReason(main.state, supported))
    throw new NewerDatabaseError(file, main.state.version, supported);
  /** A failure with the -wal applied: the -wal's fault when the main file alone is sound. */
  const withWalFailed = (damage: DamageKind, reason: string): ProbeResult =>
    main?.sound
      ? { state: 'stale-wal', damage: 'wal_integrity', reason: `with the -wal applied: ${reason}` }
      : { state: 'corrupt', damage, reason };

  let db: Database.Database | undefined;
  try {
    const waitMs = options.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS;
    db = whileBusy(file, waitMs, () =>
      openDatabase(file, { readonly: true, fileMustExist: true, timeout: 0 }),
    );
    const opened = db;
    const { state, check } = whileBusy(file, waitMs, () => ({
      state: readState(opened),
      check: opened.pragma('quick_check', { simple: true }) as string,
    }));
    if (check !== 'ok') return withWalFailed('integrity', `integrity check failed: ${check}`);
    const foreign = foreignReason(state, supported);
    if (foreign) {
      // A foreign -wal over our own file is the -wal's fault, not the file's.
      if (main?.sound && !foreignReason(main.state, supported))
        return {
          state: 'stale-wal',
          damage: 'foreign_wal',
          reason: `with the -wal applied, ${foreign}`,
        };
      return { state: 'foreign', reason: foreign };
    }
    if (state.version > supported) throw new NewerDatabaseError(file, state.version, supported);
    const stale = main?.sound ? staleWalReason(main.state, state) : null;
    if (stale) return { state: 'stale-wal', ...stale };
    return { state: 'ok', version: state.version };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (classifySqliteError(err) === 'damage') return withWalFailed('unreadable', messageOf(err));
    throw new DatabaseUnavailableError(file, messageOf(err));
  } finally {
    db?.close();
  }
}

/** The writable connection: WAL, synchronous FULL, foreign keys, a busy timeout. */
export function openWritableUserDb(
  file: string,
  busyWaitMs = DEFAULT_BUSY_WAIT_MS,
): Database.Database {
  const db = openDatabase(file, { timeout: busyWaitMs });
  try {
    whileBusy(file, busyWaitMs, () => db.pragma('journal_mode = WAL'));
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
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

/**
 * Where this process may not write: the user-data folder (no file can be created
 * in it) or user.sqlite itself; null when both are writable. Tried for real rather
 * than read from permission bits, which a root process ignores and which say
 * nothing of an immutable file or a read-only mount.
 */
export function readOnlyReason(
  file: string,
  dir: string,
): { where: 'folder' | 'file'; detail: string } | null {
  const probe = path.join(dir, `.hakusho-write-test-${process.pid}-${Date.now().toString(36)}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return { where: 'folder', detail: messageOf(err) };
  }
  try {
    fs.closeSync(fs.openSync(file, 'r+'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return { where: 'file', detail: messageOf(err) };
  }
  return null;
}

/**
 * A private, in-memory copy of the database for a session that may not write to
 * it: what SQLite reads through a read-only connection (the -wal included) when it
 * can, else the main file's bytes. The copy is switched out of WAL mode in its
 * header, which an in-memory database cannot use. Throws DatabaseUnavailableError
 * when the file cannot even be read.
 */
export function readOnlySnapshot(file: string): { db: Database.Database; walIgnored: boolean } {
  let bytes: Buffer | null;
  let walIgnored = false;
  try {
    const source = openDatabase(file, { readonly: true, fileMustExist: true, timeout: 0 });
    try {
      bytes = source.serialize();
    } finally {
      source.close();
    }
  } catch {
    bytes = null;
  }
  if (!bytes) {
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      throw new DatabaseUnavailableError(file, messageOf(err));
    }
    walIgnored = walSize(file) > 0;
  }
  if (bytes.length >= 20) {
    // File format bytes 18 and 19: 2 = WAL, which an in-memory database cannot open.
    bytes[18] = 1;
    bytes[19] = 1;
  }
  try {
    return { db: openDatabase(bytes), walIgnored };
  } catch (err) {
    throw new DatabaseUnavailableError(file, messageOf(err));
  }
}

// Opening user.sqlite without ever losing a note. The file is probed before
// anything writes to it (./user-db.ts), and each finding has one answer:
//  - a database from a newer app is refused untouched (NewerDatabaseError);
//  - a database another process holds is waited for, then reported as in use
//    (DatabaseInUseError) — never judged damaged;
//  - a -wal beside it that does not belong to it is moved aside, the database kept;
//  - another program's SQLite file is moved aside untouched, and so is a damaged
//    database; the newest good backup is put in its place (or a fresh one started);
//  - a database (or folder) this process may not write is opened read-only: an
//    in-memory copy the session reads, while the file stays exactly as it was.
// Each of these is reported as a notice that says where the old files went.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DamageKind } from '../../common/api/notices';
import { makeNotice } from '../../common/i18n/notices';
import { copyFileAtomically } from '../files/atomic-write';
import { fileStamp, moveAside } from '../files/move-aside';
import { openDatabase } from '../sqlite';
import { newestGoodBackup } from './backups';
import type { StartupNotice } from './library-types';
import { applyMigrations, LATEST_VERSION } from './migrations/index';
import { classifySqliteError, messageOf } from './sqlite-errors';
import {
  DatabaseUnavailableError,
  DEFAULT_BUSY_WAIT_MS,
  NewerDatabaseError,
  openWritableUserDb,
  probeUserDb,
  readOnlyReason,
  readOnlySnapshot,
  whileBusy,
} from './user-db';

/** Where damaged files are moved, inside the user-data folder. */
export const DAMAGED_DIR = 'damaged';

/** Why this session may not write user.sqlite. */
export interface ReadOnlyState {
  where: 'file' | 'folder';
  detail: string;
}

export interface OpenedUserDb {
  db: Database.Database;
  /** What was repaired on the way, for the reader. */
  notices: StartupNotice[];
  /** Set when the file may not be written: `db` is then an in-memory copy of it. */
  readOnly: ReadOnlyState | null;
}

export interface RecoveryOptions {
  /** How long a busy database is waited for before it is reported in use (ms). */
  busyWaitMs?: number;
  /** The user-data folder could not be created (why): the session is read-only. */
  folderError?: string;
}

/** The database being opened, and what it was found to be. */
interface Finding {
  file: string;
  userDataDir: string;
  now: Date;
  damage: DamageKind;
  reason: string;
}

/** Moves `file` + each suffix into the damaged-files folder; returns the new paths. */
function setAside({ file, userDataDir, now }: Finding, suffixes?: readonly string[]): string[] {
  return moveAside(file, path.join(userDataDir, DAMAGED_DIR), fileStamp(now), suffixes);
}

/** Moves a -wal (and -shm) that does not belong to the database aside; the database file stays. */
function setAsideStaleWal(finding: Finding): StartupNotice {
  const { damage, reason } = finding;
  const moved = setAside(finding, ['-wal', '-shm']);
  return makeNotice('stale_wal_moved', { damage, detail: reason, movedTo: moved[0] ?? '' }, moved);
}

/** Puts the newest good backup (if any) where user.sqlite was. */
function restoreNewestBackup(file: string, userDataDir: string) {
  const backup = newestGoodBackup(userDataDir, LATEST_VERSION);
  if (backup) copyFileAtomically(backup.path, file);
  return backup;
}

/** Moves the damaged file aside and puts the newest good backup (if any) in its place. */
function recoverFromDamage(finding: Finding): StartupNotice {
  const { file, userDataDir, damage, reason } = finding;
  const moved = setAside(finding);
  const backup = restoreNewestBackup(file, userDataDir);
  if (backup) {
    return makeNotice(
      'restored_from_backup',
      {
        damage,
        detail: reason,
        movedTo: moved[0] ?? '',
        backupName: backup.name,
        backupCreatedAt: backup.createdAt,
      },
      [...moved, backup.path],
    );
  }
  return makeNotice('started_fresh', { damage, detail: reason, movedTo: moved[0] ?? '' }, moved);
}

/** Another program's SQLite file: moved aside untouched (with its -wal/-shm), never migrated. */
function moveForeign(file: string, userDataDir: string, now: Date, reason: string): StartupNotice {
  const moved = moveAside(file, path.join(userDataDir, DAMAGED_DIR), fileStamp(now));
  const backup = restoreNewestBackup(file, userDataDir);
  return makeNotice(
    'foreign_database_moved',
    {
      detail: reason,
      movedTo: moved[0] ?? '',
      backupName: backup?.name ?? '',
      backupCreatedAt: backup?.createdAt ?? '',
    },
    backup ? [...moved, backup.path] : moved,
  );
}

/** An empty in-memory database at the latest schema (nothing to read, nothing can be written). */
function emptyMemoryDb(): Database.Database {
  const db = openDatabase(':memory:');
  applyMigrations(db);
  return db;
}

/**
 * The session's view of a database it may not write: an in-memory copy, checked and
 * migrated in memory. The file itself is only read. A copy that is damaged or not
 * ours cannot be repaired here: the session then starts empty and says why.
 */
function openReadOnly(file: string, readOnly: ReadOnlyState): OpenedUserDb {
  const notices: StartupNotice[] = [
    makeNotice('database_read_only', { path: file, ...readOnly }, [file]),
  ];
  if (!fs.existsSync(file)) return { db: emptyMemoryDb(), notices, readOnly };
  const { db, walIgnored } = readOnlySnapshot(file);
  const unusable = (detail: string): OpenedUserDb => {
    db.close();
    notices.push(makeNotice('database_unavailable', { path: file, detail }, [file]));
    return { db: emptyMemoryDb(), notices, readOnly };
  };
  try {
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') return unusable(`integrity check failed: ${check}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      db.close();
      throw new NewerDatabaseError(file, version, LATEST_VERSION);
    }
    const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number })
      .n;
    const ours =
      (version === 0 && objects === 0) ||
      (version > 0 &&
        db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get() !==
          undefined);
    if (!ours) return unusable('not a Hakusho Reader notes database');
    applyMigrations(db);
  } catch (err) {
    if (err instanceof NewerDatabaseError) throw err;
    return unusable(messageOf(err));
  }
  if (walIgnored)
    notices.push(
      makeNotice(
        'database_unavailable',
        {
          path: `${file}-wal`,
          detail:
            'the journal beside the database cannot be read here; changes in it are not shown',
        },
        [`${file}-wal`],
      ),
    );
  return { db, notices, readOnly };
}

/**
 * Opens `file` (user.sqlite in `userDataDir`) for writing at the latest schema,
 * repairing what it must first — or read-only when this process may not write it.
 * Throws NewerDatabaseError, DatabaseInUseError or DatabaseUnavailableError, leaving
 * the file as it was.
 */
export function openOrRecover(
  file: string,
  userDataDir: string,
  now: () => Date,
  options: RecoveryOptions = {},
): OpenedUserDb {
  const busyWaitMs = options.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS;
  const readOnly = options.folderError
    ? { where: 'folder' as const, detail: options.folderError }
    : readOnlyReason(file, userDataDir);
  if (readOnly) return openReadOnly(file, readOnly);
  const notices: StartupNotice[] = [];
  let probe = probeUserDb(file, LATEST_VERSION, { busyWaitMs });
  if (probe.state === 'stale-wal') {
    notices.push(setAsideStaleWal({ file, userDataDir, now: now(), ...probe }));
    probe = probeUserDb(file, LATEST_VERSION, { busyWaitMs });
  }
  if (probe.state === 'foreign') notices.push(moveForeign(file, userDataDir, now(), probe.reason));
  if (probe.state === 'corrupt' || probe.state === 'stale-wal')
    notices.push(recoverFromDamage({ file, userDataDir, now: now(), ...probe }));
  let db: Database.Database;
  try {
    db = openWritableUserDb(file, busyWaitMs);
  } catch (err) {
    if (classifySqliteError(err) === 'read-only')
      return openReadOnly(file, { where: 'file', detail: messageOf(err) });
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('SQLITE_'))
      throw new DatabaseUnavailableError(file, messageOf(err));
    throw err;
  }
  try {
    whileBusy(file, busyWaitMs, () => applyMigrations(db));
  } catch (err) {
    db.close();
    if (classifySqliteError(err) === 'read-only')
      return openReadOnly(file, { where: 'file', detail: messageOf(err) });
    throw err;
  }
  return { db, notices, readOnly: null };
}

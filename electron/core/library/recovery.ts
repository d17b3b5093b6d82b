// Opening user.sqlite without ever losing a note. The file is probed before
// anything writes to it: a database from a newer app is refused untouched
// (NewerDatabaseError); a -wal beside it that does not belong to it is moved
// aside, the database itself kept; a damaged database is moved aside and the
// newest good backup put in its place (or a fresh database started). Each of
// these is reported as a notice that says where the old files went.
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DamageKind } from '../../common/api/notices';
import { makeNotice } from '../../common/i18n/notices';
import { copyFileAtomically } from '../files/atomic-write';
import { fileStamp, moveAside } from '../files/move-aside';
import { newestGoodBackup } from './backups';
import type { StartupNotice } from './library-types';
import { applyMigrations, LATEST_VERSION } from './migrations/index';
import { openWritableUserDb, probeUserDb } from './user-db';

/** Where damaged files are moved, inside the user-data folder. */
export const DAMAGED_DIR = 'damaged';

export interface OpenedUserDb {
  db: Database.Database;
  /** What was repaired on the way, for the reader. */
  notices: StartupNotice[];
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

/** Moves the damaged file aside and puts the newest good backup (if any) in its place. */
function recoverFromDamage(finding: Finding): StartupNotice {
  const { file, userDataDir, damage, reason } = finding;
  const moved = setAside(finding);
  const backup = newestGoodBackup(userDataDir, LATEST_VERSION);
  if (backup) {
    copyFileAtomically(backup.path, file);
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

/**
 * Opens `file` (user.sqlite in `userDataDir`) for writing at the latest schema,
 * repairing what it must first. Throws NewerDatabaseError, leaving the file as it was.
 */
export function openOrRecover(file: string, userDataDir: string, now: () => Date): OpenedUserDb {
  const notices: StartupNotice[] = [];
  let probe = probeUserDb(file, LATEST_VERSION);
  if (probe.state === 'stale-wal') {
    notices.push(setAsideStaleWal({ file, userDataDir, now: now(), ...probe }));
    probe = probeUserDb(file, LATEST_VERSION);
  }
  if (probe.state === 'corrupt' || probe.state === 'stale-wal')
    notices.push(recoverFromDamage({ file, userDataDir, now: now(), ...probe }));
  const db = openWritableUserDb(file);
  try {
    applyMigrations(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, notices };
}

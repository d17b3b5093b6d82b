// Backups of user.sqlite made with SQLite's online backup API, verified with
// integrity_check before they count, and thinned so that they keep history rather
// than only the last few minutes (retentionPlan below). A backup is written under a
// temporary name and renamed only once verified (the core's atomic write), so a
// crash or a failed check never leaves a half-written file that looks like a backup.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../common/api/contract';
import { isTempName, replaceFileAtomicallyAsync } from '../files/atomic-write';
import { fileStamp } from '../files/move-aside';
import { integrityCheck } from './user-db';
import { openDatabase } from '../sqlite';

export const BACKUP_DIR = 'backups';
/** Automatic backups always kept, newest first, whatever their age. */
export const DEFAULT_KEEP_BACKUPS = 10;
/** Beyond those, the newest automatic backup of each hour of the last day is kept… */
export const KEEP_HOURLY_FOR_MS = 24 * 60 * 60 * 1000;
/** …and the newest of each day of the last two weeks. */
export const KEEP_DAILY_FOR_MS = 14 * 24 * 60 * 60 * 1000;
export type BackupReason = 'start' | 'auto' | 'manual' | 'pre-restore' | 'pre-import';
/**
 * Backups the reader asked for or would need to undo something (a manual backup,
 * the state before a restore or an import): never removed by rotation, only by the
 * reader.
 */
export const KEPT_REASONS: readonly BackupReason[] = ['manual', 'pre-restore', 'pre-import'];
const BACKUP_NAME =
  /^user-(\d{8}T\d{9}Z)(?:-\d+)?-(start|auto|manual|pre-restore|pre-import)\.sqlite$/;

export interface BackupInfo {
  name: string;
  path: string;
  /** ISO time the backup was taken. */
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  /** Kept until the reader deletes it (never rotated away). */
  kept: boolean;
}

export function backupDir(userDataDir: string): string {
  return path.join(userDataDir, BACKUP_DIR);
}

function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  if (!m) return stamp;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/** Backups, newest first. */
export function listBackups(userDataDir: string): BackupInfo[] {
  const dir = backupDir(userDataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    let bytes: number;
    try {
      bytes = fs.statSync(file).size;
    } catch {
      continue;
    }
    out.push({
      name,
      path: file,
      createdAt: stampToIso(m[1] as string),
      reason: m[2] as BackupReason,
      bytes,
      kept: KEPT_REASONS.includes(m[2] as BackupReason),
    });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** Finds a backup by its exact file name (no paths accepted). */
export function findBackup(userDataDir: string, name: string): BackupInfo {
  if (!BACKUP_NAME.test(name))
    throw new ApiError('invalid_input', `not a backup name: ${JSON.stringify(name.slice(0, 100))}`);
  const found = listBackups(userDataDir).find((b) => b.name === name);
  if (!found) throw new ApiError('not_found', `no backup named ${name}`);
  return found;
}

/**
 * Schema version and counters of a backup file (notesSeq null when it predates the
 * notes counter), or null when unreadable.
 */
export function readBackupState(
  file: string,
): { version: number; changeSeq: number; notesSeq: number | null } | null {
  let db: Database.Database | undefined;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const value = (key: string): number | null => {
      const row = (db as Database.Database)
        .prepare('SELECT value FROM meta WHERE key = ?')
        .get(key) as { value: string } | undefined;
      return row ? Number(row.value) : null;
    };
    return { version, changeSeq: value('change_seq') ?? 0, notesSeq: value('notes_seq') };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** Newest backup that passes integrity_check and that this app can open. */
export function newestGoodBackup(userDataDir: string, supported: number): BackupInfo | null {
  for (const backup of listBackups(userDataDir)) {
    const state = readBackupState(backup.path);
    if (!state || state.version > supported) continue;
    if (integrityCheck(backup.path) === 'ok') return backup;
  }
  return null;
}

/**
 * Copies the open database into a new verified backup and rotates old ones.
 * The copy is switched to rollback-journal mode so that it is one self-contained
 * file (opening it never creates -wal/-shm beside it).
 */
export async function takeBackup(
  db: Database.Database,
  userDataDir: string,
  reason: BackupReason,
  options: { keep?: number; now?: Date } = {},
): Promise<BackupInfo> {
  const dir = backupDir(userDataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = fileStamp(options.now ?? new Date());
  let name = `user-${stamp}-${reason}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(dir, name)); n += 1)
    name = `user-${stamp}-${n}-${reason}.sqlite`;
  await replaceFileAtomicallyAsync(path.join(dir, name), async (partial) => {
    await db.backup(partial);
    const copy = openDatabase(partial);
    let check: string;
    try {
      copy.pragma('journal_mode = DELETE');
      check = integrityCheck(copy);
    } finally {
      copy.close();
    }
    if (check !== 'ok') throw new Error(`backup failed its integrity check: ${check}`);
  });
  rotateBackups(userDataDir, { keep: options.keep ?? DEFAULT_KEEP_BACKUPS, now: options.now });
  return listBackups(userDataDir).find((b) => b.name === name) as BackupInfo;
}

export interface RetentionOptions {
  /** Automatic backups kept whatever their age (default 10). */
  keep?: number;
  now?: Date;
}

/**
 * Which backups rotation removes (`remove`), newest first. Kept: every backup of a
 * kept reason (manual, pre-restore, pre-import); of the automatic ones (start,
 * auto), the newest `keep`, plus the newest of each clock hour (UTC) of the last
 * 24 hours, plus the newest of each day (UTC) of the last 14 days. So after a day
 * of heavy editing the reader can still go back an hour, a day or a week.
 */
export function retentionPlan(
  backups: readonly BackupInfo[],
  options: RetentionOptions = {},
): { keep: BackupInfo[]; remove: BackupInfo[] } {
  const keepNewest = options.keep ?? DEFAULT_KEEP_BACKUPS;
  const now = (options.now ?? new Date()).getTime();
  const newestFirst = [...backups].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
  );
  const keep: BackupInfo[] = [];
  const remove: BackupInfo[] = [];
  const hours = new Set<string>();
  const days = new Set<string>();
  let automatic = 0;
  for (const backup of newestFirst) {
    if (backup.kept) {
      keep.push(backup);
      continue;
    }
    automatic += 1;
    const at = Date.parse(backup.createdAt);
    const age = now - at;
    const hour = backup.createdAt.slice(0, 13);
    const day = backup.createdAt.slice(0, 10);
    let kept = automatic <= keepNewest;
    if (!kept && age <= KEEP_HOURLY_FOR_MS && !hours.has(hour)) kept = true;
    if (!kept && age <= KEEP_DAILY_FOR_MS && !days.has(day)) kept = true;
    if (Number.isFinite(at)) {
      hours.add(hour);
      days.add(day);
    }
    (kept ? keep : remove).push(backup);
  }
  return { keep, remove };
}

/** Removes the backups the retention plan does not keep. */
export function rotateBackups(userDataDir: string, options: RetentionOptions = {}): void {
  for (const old of retentionPlan(listBackups(userDataDir), options).remove)
    fs.rmSync(old.path, { force: true });
}

/** Deletes one backup by its exact name (the reader's choice; any kind). */
export function deleteBackup(userDataDir: string, name: string): BackupInfo {
  const backup = findBackup(userDataDir, name);
  fs.rmSync(backup.path, { force: true });
  return backup;
}

/**
 * Removes half-written backups left by a process killed while backing up
 * (temporary names, and `*.sqlite.partial*` from older versions; never listed as
 * backups). Only old ones: a live process may be writing a fresh one right now.
 */
export function removeStalePartials(
  userDataDir: string,
  olderThanMs = 60_000,
  now = Date.now(),
): void {
  const dir = backupDir(userDataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!isTempName(name) && !name.includes('.sqlite.partial')) continue;
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > olderThanMs) fs.rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  }
}

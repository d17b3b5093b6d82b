// user.sqlite: the reader's own data (preferences, reading position, and — through
// the later migrations — bookmarks and annotations). Opening it never loses a note:
// a newer database is refused untouched, a damaged one is moved aside and replaced
// by the newest good backup (or a fresh database), and the reader is told where the
// old file went. Every write is its own transaction, committed before the call returns.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError, parseArgs } from '../../common/api/contract';
import { makeNotice, type DamageKind } from '../../common/api/notices';
import type { Prefs, ReadingPosition } from '../../common/api/types';
import {
  DEFAULT_KEEP_BACKUPS,
  findBackup,
  listBackups,
  newestGoodBackup,
  readBackupState,
  removeStalePartials,
  takeBackup,
  type BackupInfo,
  type BackupReason,
} from './backups';
import { copyFileAtomically } from '../files/atomic-write';
import { fileStamp, moveAside } from '../files/move-aside';
import { AnnotationRepository } from './annotations';
import { BookmarkRepository } from './bookmarks';
import type { Library, StartupNotice } from './library-types';
import { NoteSearchIndex, type NoteHit } from '../../common/annotations/note-search';
import { applyMigrations, LATEST_VERSION } from './migrations/index';
import { readPrefs, writePrefs } from './prefs';
import {
  integrityCheck,
  NewerDatabaseError,
  openWritableUserDb,
  probeUserDb,
  USER_DB_FILE,
} from './user-db';

export { NewerDatabaseError } from './user-db';

export interface OpenLibraryOptions {
  /** Automatic backups on start and after bursts of changes (default true). */
  autoBackup?: boolean;
  /** Quiet time after the last change before an automatic backup (default 30 s). */
  backupQuietMs?: number;
  /** Number of changes that triggers a backup without waiting for quiet (default 50). */
  backupBurst?: number;
  /** Backups kept by rotation (default 10). */
  keepBackups?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

/** The contract's own check: the library is also called directly (tests, recovery). */
const positionSchemaCheck = (position: ReadingPosition): void => {
  parseArgs('setPosition', position);
};

export class SqliteLibrary implements Library {
  readonly path: string;
  readonly userDataDir: string;
  private conn: Database.Database | null;
  private notices: StartupNotice[];
  private readonly options: Required<Omit<OpenLibraryOptions, 'now'>> & { now: () => Date };
  private pendingChanges = 0;
  private backupTimer: NodeJS.Timeout | null = null;
  private backupChain: Promise<unknown> = Promise.resolve();
  private lastBackupSeq = -1;
  /** Listeners told after each committed write (e.g. the note index). */
  private readonly writeListeners = new Set<() => void>();
  readonly bookmarks: BookmarkRepository;
  readonly annotations: AnnotationRepository;
  private noteIndex: NoteSearchIndex | null = null;

  constructor(userDataDir: string, options: OpenLibraryOptions = {}) {
    this.userDataDir = path.resolve(userDataDir);
    this.path = path.join(this.userDataDir, USER_DB_FILE);
    this.options = {
      autoBackup: options.autoBackup ?? true,
      backupQuietMs: options.backupQuietMs ?? 30_000,
      backupBurst: options.backupBurst ?? 50,
      keepBackups: options.keepBackups ?? DEFAULT_KEEP_BACKUPS,
      now: options.now ?? (() => new Date()),
    };
    fs.mkdirSync(this.userDataDir, { recursive: true });
    const { db, notices } = this.openOrRecover();
    this.conn = db;
    this.notices = notices;
    this.bookmarks = new BookmarkRepository(this);
    this.annotations = new AnnotationRepository(this);
    this.onWrite(() => {
      this.noteIndex = null;
    });
    removeStalePartials(this.userDataDir);
    if (this.options.autoBackup) void this.backupIfChanged('start');
  }

  /** The open connection (throws once closed). */
  get db(): Database.Database {
    if (!this.conn) throw new ApiError('unavailable', 'the library is closed');
    return this.conn;
  }

  private openOrRecover(): { db: Database.Database; notices: StartupNotice[] } {
    const notices: StartupNotice[] = [];
    let probe = probeUserDb(this.path, LATEST_VERSION); // throws NewerDatabaseError
    if (probe.state === 'stale-wal') {
      notices.push(this.setAsideStaleWal(probe.damage, probe.reason));
      probe = probeUserDb(this.path, LATEST_VERSION);
    }
    if (probe.state === 'corrupt' || probe.state === 'stale-wal')
      notices.push(this.recoverFromDamage(probe.damage, probe.reason));
    const db = openWritableUserDb(this.path);
    try {
      applyMigrations(db);
    } catch (err) {
      db.close();
      throw err;
    }
    return { db, notices };
  }

  /** Moves a -wal (and -shm) that does not belong to the database aside; the database file stays. */
  private setAsideStaleWal(damage: DamageKind, reason: string): StartupNotice {
    const stamp = fileStamp(this.options.now());
    const into = path.join(this.userDataDir, 'damaged');
    const moved = moveAside(this.path, into, stamp, ['-wal', '-shm']);
    return makeNotice(
      'stale_wal_moved',
      { damage, detail: reason, movedTo: moved[0] ?? '' },
      `A leftover journal file next to the notes database did not belong to it (${reason}). ` +
        `It was moved to ${moved[0] ?? '(nothing)'}; your notes database itself was kept.`,
      moved,
    );
  }

  /** Moves the damaged file aside and puts the newest good backup (if any) in its place. */
  private recoverFromDamage(damage: DamageKind, reason: string): StartupNotice {
    const stamp = fileStamp(this.options.now());
    const moved = moveAside(this.path, path.join(this.userDataDir, 'damaged'), stamp);
    const backup = newestGoodBackup(this.userDataDir, LATEST_VERSION);
    if (backup) {
      copyFileAtomically(backup.path, this.path);
      return makeNotice(
        'restored_from_backup',
        {
          damage,
          detail: reason,
          movedTo: moved[0] ?? '',
          backupName: backup.name,
          backupCreatedAt: backup.createdAt,
        },
        `The notes database was damaged (${reason}). It was moved to ${moved[0] ?? '(nothing)'} ` +
          `and your data was restored from the backup of ${backup.createdAt} (${backup.name}).`,
        [...moved, backup.path],
      );
    }
    return makeNotice(
      'started_fresh',
      { damage, detail: reason, movedTo: moved[0] ?? '' },
      `The notes database was damaged (${reason}) and no backup was available. It was moved to ` +
        `${moved[0] ?? '(nothing)'} and a new, empty database was started.`,
      moved,
    );
  }

  startupNotices(): StartupNotice[] {
    return this.notices.map((n) => ({
      ...n,
      params: { ...n.params },
      ...(n.paths ? { paths: [...n.paths] } : {}),
    }));
  }

  /** Adds a notice for the reader (e.g. annotations orphaned by a content update). */
  addNotice(notice: StartupNotice): void {
    this.notices.push(notice);
  }

  /**
   * Runs `fn` as one IMMEDIATE transaction that also bumps the change counter,
   * committed (and fsynced: synchronous=FULL) before this returns.
   */
  write<T>(fn: (db: Database.Database) => T): T {
    const db = this.db;
    const result = db
      .transaction(() => {
        const value = fn(db);
        db.prepare(
          "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'change_seq'",
        ).run();
        return value;
      })
      .immediate();
    this.afterWrite();
    return result;
  }

  /** Current time as stored (ISO 8601, UTC). */
  now(): string {
    return this.options.now().toISOString();
  }

  /** Searches notes and tags; the index is rebuilt lazily after any write. */
  searchNotes(query: string, limit: number): NoteHit[] {
    if (!this.noteIndex) {
      this.noteIndex = new NoteSearchIndex(
        this.annotations
          .list()
          .map((a) => ({ id: a.id, sectionId: a.sectionId, note: a.note, tags: a.tags })),
      );
    }
    return this.noteIndex.search(query, limit);
  }

  onWrite(listener: () => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  private afterWrite(): void {
    for (const listener of this.writeListeners) listener();
    if (!this.options.autoBackup) return;
    this.pendingChanges += 1;
    if (this.pendingChanges >= this.options.backupBurst) {
      void this.backupIfChanged('auto');
      return;
    }
    if (this.backupTimer) clearTimeout(this.backupTimer);
    this.backupTimer = setTimeout(() => {
      this.backupTimer = null;
      void this.backupIfChanged('auto');
    }, this.options.backupQuietMs);
    this.backupTimer.unref();
  }

  changeSeq(): number {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'change_seq'").get() as
      { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  getPrefs(): Prefs {
    return readPrefs(this.db);
  }

  setPrefs(patch: Partial<Prefs>): Prefs {
    try {
      this.write((db) => writePrefs(db, patch));
    } catch (err) {
      if (err instanceof TypeError) throw new ApiError('invalid_input', `setPrefs: ${err.message}`);
      throw err;
    }
    return this.getPrefs();
  }

  getPosition(): ReadingPosition | null {
    const row = this.db
      .prepare('SELECT section_id, scroll FROM reading_position WHERE id = 1')
      .get() as { section_id: string; scroll: number } | undefined;
    return row ? { sectionId: row.section_id, scroll: row.scroll } : null;
  }

  setPosition(position: ReadingPosition): ReadingPosition {
    positionSchemaCheck(position);
    const stored = { sectionId: position.sectionId, scroll: position.scroll };
    this.write((db) =>
      db
        .prepare(
          `INSERT INTO reading_position (id, section_id, scroll, updated_at) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET section_id = excluded.section_id, scroll = excluded.scroll,
           updated_at = excluded.updated_at`,
        )
        .run(stored.sectionId, stored.scroll, this.options.now().toISOString()),
    );
    return stored;
  }

  // ---- backups ------------------------------------------------------------

  listBackups(): BackupInfo[] {
    return listBackups(this.userDataDir);
  }

  /** Takes a verified backup now (serialized with automatic ones). */
  backupNow(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    const run = this.backupChain.then(() => this.takeBackupNow(reason));
    this.backupChain = run.catch(() => undefined);
    return run;
  }

  private async takeBackupNow(reason: BackupReason): Promise<BackupInfo> {
    const seq = this.changeSeq();
    this.pendingChanges = 0;
    const info = await takeBackup(this.db, this.userDataDir, reason, {
      keep: this.options.keepBackups,
      now: this.options.now(),
    });
    this.lastBackupSeq = seq;
    return info;
  }

  /** Backs up unless the newest backup already holds this state; never throws. */
  backupIfChanged(reason: BackupReason): Promise<BackupInfo | null> {
    const run = this.backupChain.then(async () => {
      if (!this.conn) return null;
      const seq = this.changeSeq();
      if (this.lastBackupSeq < 0) {
        const newest = listBackups(this.userDataDir)[0];
        const state = newest ? readBackupState(newest.path) : null;
        this.lastBackupSeq = state && state.version === LATEST_VERSION ? state.changeSeq : -1;
      }
      if (seq === this.lastBackupSeq) {
        this.pendingChanges = 0;
        return null;
      }
      return this.takeBackupNow(reason);
    });
    const safe = run.catch((err: unknown) => {
      const detail = err instanceof Error ? err.message : String(err);
      this.addNotice(
        makeNotice('backup_failed', { detail }, `An automatic backup failed: ${detail}`),
      );
      return null;
    });
    this.backupChain = safe;
    return safe;
  }

  /** Resolves once every scheduled backup has finished. */
  async idle(): Promise<void> {
    await this.backupChain;
  }

  /**
   * Replaces the database by a backup. The current state is first saved as a
   * verified 'pre-restore' backup, so a restore can itself be undone.
   */
  async restoreBackup(name: string): Promise<BackupInfo> {
    const backup = findBackup(this.userDataDir, name);
    const state = readBackupState(backup.path);
    if (!state) throw new ApiError('invalid_input', `backup ${name} cannot be read`);
    if (state.version > LATEST_VERSION)
      throw new NewerDatabaseError(backup.path, state.version, LATEST_VERSION);
    const check = integrityCheck(backup.path);
    if (check !== 'ok') throw new ApiError('invalid_input', `backup ${name} is damaged: ${check}`);
    await this.backupNow('pre-restore');
    await this.idle();
    if (this.backupTimer) clearTimeout(this.backupTimer);
    this.backupTimer = null;
    this.db.close();
    this.conn = null;
    if (fs.existsSync(`${this.path}-wal`)) {
      // Another process (the app, or a second CLI) still has the database open.
      this.conn = this.openOrRecover().db;
      throw new ApiError(
        'conflict',
        'the notes database is in use by another Hakusho Reader process; close it and retry',
      );
    }
    copyFileAtomically(backup.path, this.path);
    const { db } = this.openOrRecover();
    this.conn = db;
    this.lastBackupSeq = -1;
    this.pendingChanges = 0;
    for (const listener of this.writeListeners) listener();
    return backup;
  }

  close(): void {
    if (this.backupTimer) clearTimeout(this.backupTimer);
    this.backupTimer = null;
    if (this.conn) {
      this.conn.close();
      this.conn = null;
    }
  }
}

/** Opens (creating, migrating or recovering) user.sqlite in `userDataDir`. */
export function openLibrary(userDataDir: string, options: OpenLibraryOptions = {}): SqliteLibrary {
  return new SqliteLibrary(userDataDir, options);
}

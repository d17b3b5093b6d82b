// user.sqlite: the reader's own data (preferences, reading position, bookmarks and
// annotations). Opening it never loses a note (./recovery.ts: a newer database is
// refused untouched, a busy one reported in use, a damaged or foreign one moved
// aside and replaced by the newest good backup, a read-only one opened as an
// in-memory copy). Every write is its own transaction, committed before the call
// returns; a change to the reader's bookmarks or notes refreshes the note index and
// schedules a backup (./backup-schedule.ts), a saved position or preference does
// neither. This class owns the connection and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError, parseArgs } from '../../common/api/contract';
import type { NoteHit } from '../../common/annotations/note-search';
import type { Prefs, ReadingPosition } from '../../common/api/types';
import { copyFileAtomically } from '../files/atomic-write';
import { AnnotationRepository } from './annotations';
import { BackupSchedule } from './backup-schedule';
import {
  deleteBackup,
  DEFAULT_KEEP_BACKUPS,
  listBackups,
  removeStalePartials,
  type BackupInfo,
  type BackupReason,
} from './backups';
import { BookmarkRepository } from './bookmarks';
import { bumpChangeSeq, bumpNotesSeq, notesSeq } from './change-seq';
import type { Library, StartupNotice } from './library-types';
import { LibraryNoteIndex } from './note-index';
import { readPrefs, writePrefs } from './prefs';
import { openOrRecover, type ReadOnlyState } from './recovery';
import { restorableBackup } from './restore';
import { classifySqliteError, IN_USE_MESSAGE, messageOf, writeFailure } from './sqlite-errors';
import { DEFAULT_BUSY_WAIT_MS, readOnlyReason, USER_DB_FILE } from './user-db';
import { makeNotice } from '../../common/i18n/notices';

export { DatabaseInUseError, DatabaseUnavailableError, NewerDatabaseError } from './user-db';

export interface OpenLibraryOptions {
  /** Automatic backups on start and after bursts of changes (default true). */
  autoBackup?: boolean;
  /** Quiet time after the last change before an automatic backup (default 30 s). */
  backupQuietMs?: number;
  /** Number of changes that triggers a backup without waiting for quiet (default 50). */
  backupBurst?: number;
  /** Automatic backups always kept, newest first (default 10; see backups.ts for the rest). */
  keepBackups?: number;
  /** How long a database held by another process is waited for (default 5 s). */
  busyWaitMs?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

/** What a write changes: the reader's notes and bookmarks, or only session settings. */
export type WriteKind = 'notes' | 'settings';

export class SqliteLibrary implements Library {
  readonly path: string;
  readonly userDataDir: string;
  readonly bookmarks: BookmarkRepository;
  readonly annotations: AnnotationRepository;
  /**
   * Why this session may not write user.sqlite, shared with every document's view of
   * the library: set at open (an in-memory copy is read instead) or when a write
   * failed because the file or its folder had become read-only since.
   */
  private readonly access: { readOnly: ReadOnlyState | null };
  /**
   * Digest of the content annotations are placed in this session (set by the
   * re-anchoring step of opening the core); stored with each placed annotation.
   */
  contentDigest: string | null = null;
  private conn: Database.Database | null;
  private readonly notices: StartupNotice[];
  private readonly clock: () => Date;
  private readonly backups: BackupSchedule;
  /** One notes index per document ('' the bundled chapter), built at its first search. */
  private readonly noteIndexes: Map<string, LibraryNoteIndex>;
  private readonly busyWaitMs: number;
  private held: Promise<void> | null = null;
  /** Work running between requests (background re-anchoring), stopped at close. */
  private readonly background = new Set<{ stop: boolean; done: Promise<void> }>();

  constructor(userDataDir: string, options: OpenLibraryOptions = {}) {
    this.userDataDir = path.resolve(userDataDir);
    this.path = path.join(this.userDataDir, USER_DB_FILE);
    this.clock = options.now ?? (() => new Date());
    this.busyWaitMs = options.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS;
    let folderError: string | null = null;
    try {
      fs.mkdirSync(this.userDataDir, { recursive: true });
    } catch (err) {
      folderError = messageOf(err);
    }
    // A folder that cannot even be made: an empty, read-only session.
    const opened = openOrRecover(this.path, this.userDataDir, this.clock, {
      busyWaitMs: this.busyWaitMs,
      ...(folderError ? { folderError } : {}),
    });
    this.conn = opened.db;
    this.notices = opened.notices;
    this.access = { readOnly: opened.readOnly };
    this.bookmarks = new BookmarkRepository(this);
    this.annotations = new AnnotationRepository(this);
    this.noteIndexes = new Map();
    this.backups = new BackupSchedule(
      {
        userDataDir: this.userDataDir,
        connection: () => this.conn,
        notesSeq: () => notesSeq(this.db),
        addNotice: (notice) => this.addNotice(notice),
      },
      {
        autoBackup: (options.autoBackup ?? true) && this.readOnly === null,
        quietMs: options.backupQuietMs ?? 30_000,
        burst: options.backupBurst ?? 50,
        keep: options.keepBackups ?? DEFAULT_KEEP_BACKUPS,
        now: this.clock,
      },
    );
    if (this.readOnly === null) removeStalePartials(this.userDataDir);
    this.backups.started();
  }

  /** The open connection (throws once closed). */
  get db(): Database.Database {
    if (!this.conn) throw new ApiError('unavailable', 'the library is closed');
    return this.conn;
  }

  startupNotices(): StartupNotice[] {
    return this.notices.map((n) => ({
      ...n,
      params: { ...n.params },
      ...(n.paths ? { paths: [...n.paths] } : {}),
    }));
  }

  /** Set when this session may not write user.sqlite (see `access`). */
  get readOnly(): ReadOnlyState | null {
    return this.access.readOnly;
  }

  notesReadOnly(): boolean {
    return this.readOnly !== null;
  }

  /**
   * A write failed with `err`: when the file or its folder is now read-only for this
   * process (made immutable, remounted read-only, its permissions taken away), the rest
   * of the session is read-only, with the notice of a read-only start. A read-only
   * failure shows as SQLITE_READONLY, or as an I/O error when the file refuses a write
   * through a handle opened before, so the file and folder are tried again to tell.
   */
  private becameReadOnly(err: unknown): boolean {
    if (this.readOnly) return true;
    const kind = classifySqliteError(err);
    const code = (err as { code?: unknown } | null)?.code;
    const ioError = typeof code === 'string' && code.startsWith('SQLITE_IOERR');
    if (kind !== 'read-only' && !ioError) return false;
    const found =
      readOnlyReason(this.path, this.userDataDir) ??
      (kind === 'read-only' ? { where: 'file' as const, detail: messageOf(err) } : null);
    if (!found) return false;
    this.access.readOnly = found;
    this.addNotice(makeNotice('database_read_only', { path: this.path, ...found }, [this.path]));
    return true;
  }

  /** Adds a notice for the reader (e.g. annotations orphaned by a content update). */
  addNotice(notice: StartupNotice): void {
    this.notices.push(notice);
  }

  /** The error every change of the reader's notes answers with in a read-only session. */
  readOnlyError(): ApiError {
    return new ApiError(
      'unavailable',
      `${this.path} is read-only for this process (${this.readOnly?.detail ?? 'read-only'}): nothing can be changed; make it writable and open the reader again`,
    );
  }

  /**
   * Runs `fn` as one IMMEDIATE transaction, committed (and fsynced: synchronous=FULL)
   * before this returns. A change of the reader's notes (`kind` 'notes', the default)
   * also bumps the change counter, refreshes the note index and schedules a backup,
   * and is refused in a read-only session; a settings change (position, preferences)
   * does none of that and, read-only, lasts for the session.
   */
  write<T>(fn: (db: Database.Database) => T, kind: WriteKind = 'notes'): T {
    if (kind === 'notes' && this.readOnly) throw this.readOnlyError();
    const db = this.db;
    let result: T;
    try {
      result = db
        .transaction(() => {
          const value = fn(db);
          if (kind === 'notes') bumpNotesSeq(db);
          else bumpChangeSeq(db);
          return value;
        })
        .immediate();
    } catch (err) {
      if (this.becameReadOnly(err)) throw this.readOnlyError();
      throw writeFailure(err);
    }
    if (kind === 'notes') this.notesChanged();
    return result;
  }

  /**
   * Writes that record where annotations are (re-anchoring): stored even in a
   * read-only session's in-memory copy; counted as a change of the file (a backup
   * then holds it) but never scheduling a backup of its own.
   */
  writeAnchors(fn: (db: Database.Database) => void): void {
    try {
      this.db
        .transaction(() => {
          fn(this.db);
          bumpChangeSeq(this.db);
        })
        .immediate();
    } catch (err) {
      throw writeFailure(err);
    }
    for (const index of this.noteIndexes.values()) index.invalidate();
  }

  /**
   * Writes from this thread wait (asynchronously, ../write-gate.ts) while `done` is
   * pending: another connection holds the write lock until then.
   */
  holdWrites(done: Promise<void>): void {
    const held = done.finally(() => {
      if (this.held === held) this.held = null;
    });
    this.held = held;
  }

  writesHeld(): Promise<void> | null {
    return this.held;
  }

  /** Notes were changed by another connection (an import worker): refresh what depends on them. */
  notesChanged(): void {
    for (const index of this.noteIndexes.values()) index.invalidate();
    this.backups.changed();
  }

  /** Current time as stored (ISO 8601, UTC). */
  now(): string {
    return this.clock().toISOString();
  }

  /** Searches notes and tags (the index follows every write). */
  searchNotes(query: string, limit: number): NoteHit[] {
    const repository = this.annotations;
    let index = this.noteIndexes.get(repository.documentKey);
    if (!index) {
      index = new LibraryNoteIndex(() =>
        repository
          .list()
          .map((a) => ({ id: a.id, sectionId: a.sectionId, note: a.note, tags: a.tags })),
      );
      this.noteIndexes.set(repository.documentKey, index);
    }
    return index.search(query, limit);
  }

  /**
   * The library as one document's handlers see it: the same connection, backups,
   * notices and preferences, with bookmarks, annotations and the notes search
   * restricted to that document ('' is the bundled chapter: the library itself), and
   * its own content digest (annotations are placed per document). A view, not a
   * second connection: methods that replace or close the connection go to the library.
   */
  forDocument(documentKey: string): SqliteLibrary {
    if (documentKey === '') return this;
    const view = Object.create(this) as SqliteLibrary;
    Object.defineProperties(view, {
      bookmarks: { value: new BookmarkRepository(view, documentKey) },
      annotations: { value: new AnnotationRepository(view, documentKey) },
      contentDigest: { value: null, writable: true },
      restoreBackup: { value: (name: string) => this.restoreBackup(name) },
      close: { value: () => this.close() },
    });
    return view;
  }

  /** Changes of the reader's bookmarks and notes so far (what backups compare). */
  notesSeq(): number {
    return notesSeq(this.db);
  }

  /** Writes of any kind so far. */
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
      this.write((db) => writePrefs(db, patch), 'settings');
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
    // The contract's own check: the library is also called directly (tests, recovery).
    const stored = parseArgs('setPosition', position);
    this.write(
      (db) =>
        db
          .prepare(
            `INSERT INTO reading_position (id, section_id, scroll, updated_at) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET section_id = excluded.section_id, scroll = excluded.scroll,
           updated_at = excluded.updated_at`,
          )
          .run(stored.sectionId, stored.scroll, this.now()),
      'settings',
    );
    return { sectionId: stored.sectionId, scroll: stored.scroll };
  }

  // ---- backups ------------------------------------------------------------

  listBackups(): BackupInfo[] {
    return listBackups(this.userDataDir);
  }

  /** Takes a verified backup now (serialized with automatic ones). */
  backupNow(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    if (this.readOnly) return Promise.reject(this.readOnlyError());
    return this.backups.backupNow(reason);
  }

  /**
   * A kept backup (never rotated away) of the current state before an import or a
   * restore: reuses the newest one of that kind when it already holds this state.
   */
  keptBackup(reason: 'pre-import' | 'pre-restore'): Promise<BackupInfo> {
    if (this.readOnly) return Promise.reject(this.readOnlyError());
    return this.backups.keptBackup(reason);
  }

  /** Backs up unless the newest backup already holds this state; never throws. */
  backupIfChanged(reason: BackupReason): Promise<BackupInfo | null> {
    return this.backups.backupIfChanged(reason);
  }

  /** Deletes a backup the reader chose (any kind), never while one is being written. */
  deleteBackup(name: string): Promise<BackupInfo> {
    if (this.readOnly) return Promise.reject(this.readOnlyError());
    return this.backups.exclusive(() => deleteBackup(this.userDataDir, name));
  }

  /**
   * Runs `work` in the background (it yields between steps and checks `stopped`);
   * idle() waits for it, close() stops it. A failure leaves the rest for the next
   * start (what it had done is committed).
   */
  runInBackground(work: (stopped: () => boolean) => Promise<void>): void {
    const job = { stop: false, done: Promise.resolve() };
    job.done = (async () => {
      try {
        await work(() => job.stop || this.conn === null);
      } catch {
        // Nothing is lost: the remaining annotations are placed at the next start.
      } finally {
        this.background.delete(job);
      }
    })();
    this.background.add(job);
  }

  /** Resolves once background work and every scheduled backup have finished. */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.all([...this.background].map((j) => j.done));
    await this.backups.idle();
  }

  /**
   * Replaces the database by a backup. The current state is first saved as a
   * verified 'pre-restore' backup, so a restore can itself be undone. If the
   * file cannot be replaced, the current database stays open as it was.
   */
  async restoreBackup(name: string): Promise<BackupInfo> {
    if (this.readOnly) throw this.readOnlyError();
    const backup = restorableBackup(this.userDataDir, name);
    await this.keptBackup('pre-restore');
    await this.idle();
    this.backups.stop();
    this.db.close();
    this.conn = null;
    try {
      if (fs.existsSync(`${this.path}-wal`)) {
        // Another process (the app, or a second CLI) still has the database open.
        throw new ApiError('conflict', IN_USE_MESSAGE);
      }
      copyFileAtomically(backup.path, this.path);
    } finally {
      const reopened = openOrRecover(this.path, this.userDataDir, this.clock, {
        busyWaitMs: this.busyWaitMs,
      });
      this.conn = reopened.db;
      for (const notice of reopened.notices)
        if (notice.code !== 'database_read_only') this.addNotice(notice);
    }
    this.backups.replaced();
    for (const index of this.noteIndexes.values()) index.invalidate();
    return backup;
  }

  close(): void {
    for (const job of this.background) job.stop = true;
    this.backups.stop();
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

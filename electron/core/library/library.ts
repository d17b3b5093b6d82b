// user.sqlite: the reader's own data (preferences, reading position, bookmarks and
// annotations). Opening it never loses a note (./recovery.ts: a newer database is
// refused untouched, a damaged one moved aside and replaced by the newest good
// backup). Every write is its own transaction, committed before the call returns;
// after each one the note index is refreshed and a backup scheduled
// (./backup-schedule.ts). This class owns the connection and nothing else.
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
  DEFAULT_KEEP_BACKUPS,
  listBackups,
  removeStalePartials,
  type BackupInfo,
  type BackupReason,
} from './backups';
import { BookmarkRepository } from './bookmarks';
import type { Library, StartupNotice } from './library-types';
import { LibraryNoteIndex } from './note-index';
import { readPrefs, writePrefs } from './prefs';
import { openOrRecover } from './recovery';
import { restorableBackup } from './restore';
import { USER_DB_FILE } from './user-db';

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

export class SqliteLibrary implements Library {
  readonly path: string;
  readonly userDataDir: string;
  readonly bookmarks: BookmarkRepository;
  readonly annotations: AnnotationRepository;
  private conn: Database.Database | null;
  private readonly notices: StartupNotice[];
  private readonly clock: () => Date;
  private readonly backups: BackupSchedule;
  /** One notes index per document ('' the bundled chapter), built at its first search. */
  private readonly noteIndexes: Map<string, LibraryNoteIndex>;

  constructor(userDataDir: string, options: OpenLibraryOptions = {}) {
    this.userDataDir = path.resolve(userDataDir);
    this.path = path.join(this.userDataDir, USER_DB_FILE);
    this.clock = options.now ?? (() => new Date());
    fs.mkdirSync(this.userDataDir, { recursive: true });
    const { db, notices } = openOrRecover(this.path, this.userDataDir, this.clock);
    this.conn = db;
    this.notices = notices;
    this.bookmarks = new BookmarkRepository(this);
    this.annotations = new AnnotationRepository(this);
    this.noteIndexes = new Map();
    this.backups = new BackupSchedule(
      {
        userDataDir: this.userDataDir,
        connection: () => this.conn,
        changeSeq: () => this.changeSeq(),
        addNotice: (notice) => this.addNotice(notice),
      },
      {
        autoBackup: options.autoBackup ?? true,
        quietMs: options.backupQuietMs ?? 30_000,
        burst: options.backupBurst ?? 50,
        keep: options.keepBackups ?? DEFAULT_KEEP_BACKUPS,
        now: this.clock,
      },
    );
    removeStalePartials(this.userDataDir);
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
    for (const index of this.noteIndexes.values()) index.invalidate();
    this.backups.changed();
    return result;
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
   * restricted to that document ('' is the bundled chapter: the library itself).
   * A view, not a second connection: methods that replace or close the connection
   * go to the library itself.
   */
  forDocument(documentKey: string): SqliteLibrary {
    if (documentKey === '') return this;
    const view = Object.create(this) as SqliteLibrary;
    Object.defineProperties(view, {
      bookmarks: { value: new BookmarkRepository(view, documentKey) },
      annotations: { value: new AnnotationRepository(view, documentKey) },
      restoreBackup: { value: (name: string) => this.restoreBackup(name) },
      close: { value: () => this.close() },
    });
    return view;
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
    // The contract's own check: the library is also called directly (tests, recovery).
    const stored = parseArgs('setPosition', position);
    this.write((db) =>
      db
        .prepare(
          `INSERT INTO reading_position (id, section_id, scroll, updated_at) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET section_id = excluded.section_id, scroll = excluded.scroll,
           updated_at = excluded.updated_at`,
        )
        .run(stored.sectionId, stored.scroll, this.now()),
    );
    return { sectionId: stored.sectionId, scroll: stored.scroll };
  }

  // ---- backups ------------------------------------------------------------

  listBackups(): BackupInfo[] {
    return listBackups(this.userDataDir);
  }

  /** Takes a verified backup now (serialized with automatic ones). */
  backupNow(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    return this.backups.backupNow(reason);
  }

  /** Backs up unless the newest backup already holds this state; never throws. */
  backupIfChanged(reason: BackupReason): Promise<BackupInfo | null> {
    return this.backups.backupIfChanged(reason);
  }

  /** Resolves once every scheduled backup has finished. */
  idle(): Promise<void> {
    return this.backups.idle();
  }

  /**
   * Replaces the database by a backup. The current state is first saved as a
   * verified 'pre-restore' backup, so a restore can itself be undone. If the
   * file cannot be replaced, the current database stays open as it was.
   */
  async restoreBackup(name: string): Promise<BackupInfo> {
    const backup = restorableBackup(this.userDataDir, name);
    await this.backupNow('pre-restore');
    await this.idle();
    this.backups.stop();
    this.db.close();
    this.conn = null;
    try {
      if (fs.existsSync(`${this.path}-wal`)) {
        // Another process (the app, or a second CLI) still has the database open.
        throw new ApiError(
          'conflict',
          'the notes database is in use by another Hakusho Reader process; close it and retry',
        );
      }
      copyFileAtomically(backup.path, this.path);
    } finally {
      this.conn = openOrRecover(this.path, this.userDataDir, this.clock).db;
    }
    this.backups.replaced();
    for (const index of this.noteIndexes.values()) index.invalidate();
    return backup;
  }

  close(): void {
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

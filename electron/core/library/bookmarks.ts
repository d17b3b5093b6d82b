// Bookmarks in user.sqlite: a section as a whole (paragraph and offset null; at
// most one live per section) or a position in it (a paragraph and a UTF-16 offset
// into its display text; at most one live per position), an optional label,
// deletion kept for undo (deleted_at), every change its own committed transaction.
// Whether a position lies in the current content is the handlers' check (they
// hold the content); this module keeps the rows consistent.
import crypto from 'node:crypto';
import { ApiError } from '../../common/api/contract';
import { labelSchema } from '../../common/annotations/fields';
import {
  bookmarkRecordSchema,
  idSchema,
  validated,
  type BookmarkRecord,
} from '../../common/annotations/records';
import type Database from 'better-sqlite3';
import type { SqliteLibrary } from './library';
import { liveCountsBySection } from './section-counts';
import { statement } from './statements';

/** A row of the bookmarks table (its document_id aside). */
export interface BookmarkRow {
  id: string;
  section_id: string;
  paragraph_id: string | null;
  char_offset: number | null;
  label: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Where a position bookmark is. */
export interface BookmarkPosition {
  paragraphId: string;
  offset: number;
}

const toRecord = (row: BookmarkRow): BookmarkRecord => ({
  id: row.id,
  sectionId: row.section_id,
  paragraphId: row.paragraph_id,
  offset: row.char_offset,
  label: row.label,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const checkId = (id: unknown, what = 'bookmark id'): string => validated(idSchema, id, what);

/** Inserts one validated bookmark into `db`; the caller holds the transaction. */
export function insertBookmark(
  db: Database.Database,
  record: BookmarkRecord,
  documentKey = '',
): void {
  statement(
    db,
    'INSERT INTO bookmarks (id, section_id, paragraph_id, char_offset, label, created_at, updated_at, document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    record.id,
    record.sectionId,
    record.paragraphId,
    record.offset,
    record.label,
    record.createdAt,
    record.updatedAt,
    documentKey,
  );
}

export class BookmarkRepository {
  /** `documentKey`: whose bookmarks ('' the bundled chapter, else a library document id). */
  constructor(
    private readonly lib: SqliteLibrary,
    readonly documentKey = '',
  ) {}

  /** Live bookmarks, newest first. */
  list(): BookmarkRecord[] {
    const rows = this.lib.db
      .prepare(
        'SELECT * FROM bookmarks WHERE deleted_at IS NULL AND document_id = ? ORDER BY created_at DESC, id',
      )
      .all(this.documentKey) as BookmarkRow[];
    return rows.map(toRecord);
  }

  get(id: string): BookmarkRecord {
    const row = this.row(checkId(id));
    if (!row || row.deleted_at !== null) throw new ApiError('not_found', `no bookmark ${id}`);
    return toRecord(row);
  }

  /** The live bookmark of the whole section, if any (position bookmarks in it do not count). */
  forSection(sectionId: string): BookmarkRecord | null {
    const row = this.lib.db
      .prepare(
        'SELECT * FROM bookmarks WHERE section_id = ? AND paragraph_id IS NULL AND document_id = ? AND deleted_at IS NULL',
      )
      .get(checkId(sectionId, 'section id'), this.documentKey) as BookmarkRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** The live bookmark at a position, if any. */
  atPosition(position: BookmarkPosition): BookmarkRecord | null {
    const row = this.lib.db
      .prepare(
        'SELECT * FROM bookmarks WHERE paragraph_id = ? AND char_offset = ? AND document_id = ? AND deleted_at IS NULL',
      )
      .get(checkId(position.paragraphId, 'paragraph id'), position.offset, this.documentKey) as
      BookmarkRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Live bookmarks per section (section and position bookmarks alike). */
  countsBySection(): Map<string, number> {
    return liveCountsBySection(this.lib.db, 'bookmarks', this.documentKey);
  }

  /** The live bookmark that holds the same place as `record` (its section, or its position). */
  private samePlace(record: BookmarkRecord): BookmarkRecord | null {
    return record.paragraphId === null || record.offset === null
      ? this.forSection(record.sectionId)
      : this.atPosition({ paragraphId: record.paragraphId, offset: record.offset });
  }

  private row(id: string): BookmarkRow | undefined {
    return this.lib.db.prepare('SELECT * FROM bookmarks WHERE id = ?').get(id) as
      BookmarkRow | undefined;
  }

  /** A new bookmark of the section, or of a position in it. */
  add(sectionId: string, label = '', position: BookmarkPosition | null = null): BookmarkRecord {
    const now = this.lib.now();
    const record = validated(
      bookmarkRecordSchema(),
      {
        id: `bm-${crypto.randomUUID()}`,
        sectionId,
        paragraphId: position?.paragraphId ?? null,
        offset: position?.offset ?? null,
        label: validated(labelSchema, label, 'label'),
        createdAt: now,
        updatedAt: now,
      },
      'bookmark',
    );
    if (this.samePlace(record))
      throw new ApiError(
        'conflict',
        position
          ? `${position.paragraphId} at ${position.offset} is already bookmarked`
          : `section ${sectionId} is already bookmarked`,
      );
    this.lib.write((db) => insertBookmark(db, record, this.documentKey));
    return record;
  }

  rename(id: string, label: string): BookmarkRecord {
    const current = this.get(id);
    const checkedLabel = validated(labelSchema, label, 'label');
    const now = this.lib.now();
    this.lib.write((db) =>
      db
        .prepare('UPDATE bookmarks SET label = ?, updated_at = ? WHERE id = ?')
        .run(checkedLabel, now, id),
    );
    return { ...current, label: checkedLabel, updatedAt: now };
  }

  /** Soft delete: returns the bookmark, which restore() brings back (undo). */
  delete(id: string): BookmarkRecord {
    const current = this.get(id);
    this.lib.write((db) =>
      db.prepare('UPDATE bookmarks SET deleted_at = ? WHERE id = ?').run(this.lib.now(), id),
    );
    return current;
  }

  restore(id: string): BookmarkRecord {
    const row = this.row(checkId(id));
    if (!row) throw new ApiError('not_found', `no bookmark ${id}`);
    const record = toRecord(row);
    if (row.deleted_at === null) return record;
    if (this.samePlace(record))
      throw new ApiError(
        'conflict',
        record.paragraphId === null
          ? `section ${row.section_id} has been bookmarked again since`
          : `that position in ${row.section_id} has been bookmarked again since`,
      );
    this.lib.write((db) =>
      db.prepare('UPDATE bookmarks SET deleted_at = NULL WHERE id = ?').run(id),
    );
    return record;
  }
}

export { bookmarkRecordSchema };

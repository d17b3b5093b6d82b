// Bookmarks in user.sqlite: one live bookmark per section, an optional label,
// deletion kept for undo (deleted_at), every change its own committed transaction.
import crypto from 'node:crypto';
import { ApiError } from '../../common/api/contract';
import { labelSchema } from '../../common/annotations/fields';
import {
  bookmarkRecordSchema,
  idSchema,
  validated,
  type BookmarkRecord,
} from '../../common/annotations/records';
import type { SqliteLibrary } from './library';

interface BookmarkRow {
  id: string;
  section_id: string;
  label: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const toRecord = (row: BookmarkRow): BookmarkRecord => ({
  id: row.id,
  sectionId: row.section_id,
  label: row.label,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const checkId = (id: unknown, what = 'bookmark id'): string => validated(idSchema, id, what);

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

  forSection(sectionId: string): BookmarkRecord | null {
    const row = this.lib.db
      .prepare(
        'SELECT * FROM bookmarks WHERE section_id = ? AND document_id = ? AND deleted_at IS NULL',
      )
      .get(checkId(sectionId, 'section id'), this.documentKey) as BookmarkRow | undefined;
    return row ? toRecord(row) : null;
  }

  private row(id: string): BookmarkRow | undefined {
    return this.lib.db.prepare('SELECT * FROM bookmarks WHERE id = ?').get(id) as
      BookmarkRow | undefined;
  }

  add(sectionId: string, label = ''): BookmarkRecord {
    checkId(sectionId, 'section id');
    const checkedLabel = validated(labelSchema, label, 'label');
    if (this.forSection(sectionId))
      throw new ApiError('conflict', `section ${sectionId} is already bookmarked`);
    const now = this.lib.now();
    const record: BookmarkRecord = {
      id: `bm-${crypto.randomUUID()}`,
      sectionId,
      label: checkedLabel,
      createdAt: now,
      updatedAt: now,
    };
    this.lib.write((db) =>
      db
        .prepare(
          'INSERT INTO bookmarks (id, section_id, label, created_at, updated_at, document_id) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          record.id,
          record.sectionId,
          record.label,
          record.createdAt,
          record.updatedAt,
          this.documentKey,
        ),
    );
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
    if (row.deleted_at === null) return toRecord(row);
    if (this.forSection(row.section_id))
      throw new ApiError('conflict', `section ${row.section_id} has been bookmarked again since`);
    this.lib.write((db) =>
      db.prepare('UPDATE bookmarks SET deleted_at = NULL WHERE id = ?').run(id),
    );
    return toRecord(row);
  }

  /** Inserts an imported bookmark unless it (or one on its section) is already there; returns true if added. */
  importRecord(raw: BookmarkRecord): boolean {
    const record = validated(bookmarkRecordSchema(), raw, 'bookmark');
    const existing = this.row(record.id);
    if (existing) {
      if (existing.deleted_at !== null && !this.forSection(existing.section_id)) {
        this.lib.db.prepare('UPDATE bookmarks SET deleted_at = NULL WHERE id = ?').run(record.id);
        return true;
      }
      return false;
    }
    if (this.forSection(record.sectionId)) return false;
    this.lib.db
      .prepare(
        'INSERT INTO bookmarks (id, section_id, label, created_at, updated_at, document_id) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        record.id,
        record.sectionId,
        record.label,
        record.createdAt,
        record.updatedAt,
        this.documentKey,
      );
    return true;
  }
}

export { bookmarkRecordSchema };

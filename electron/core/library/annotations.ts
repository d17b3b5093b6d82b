// Annotations in user.sqlite: highlights (with their W3C selectors) and section
// notes, with colour, note and tags. Every record is validated by the shared
// schema before it is written, each change is one committed transaction, and
// deletion is soft so that it can be undone. A passage across sections is a group
// of highlights (one per section) sharing a group id: created in one transaction,
// and a change of colour, note or tags, a deletion or a restore of one member is
// made to every member in one transaction.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../common/api/contract';
import { colorSchema, noteSchema, tagsSchema } from '../../common/annotations/fields';
import {
  annotationRecordSchema,
  idSchema,
  validated,
  type AnnotationRecord,
} from '../../common/annotations/records';
import type { AnchorState, AnnotationTarget, HighlightColor } from '../../common/api/types';
import type { SqliteLibrary } from './library';

interface AnnotationRow {
  id: string;
  kind: 'highlight' | 'section-note';
  section_id: string;
  group_id: string | null;
  color: HighlightColor;
  note: string;
  target: string | null;
  anchor: AnchorState;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface AnnotationPatch {
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

const checkId = (id: unknown): string => validated(idSchema, id, 'annotation id');

/** What a caller supplies for a new annotation (id, times and group are assigned here). */
export type AnnotationDraft = Omit<AnnotationRecord, 'id' | 'createdAt' | 'updatedAt' | 'groupId'>;

export class AnnotationRepository {
  /**
   * `documentKey`: the document whose annotations this repository lists and creates
   * ('' the bundled chapter, else a library document id; ../documents).
   */
  constructor(
    private readonly lib: SqliteLibrary,
    readonly documentKey = '',
  ) {}

  private tagsOf(db: Database.Database, id: string): string[] {
    return (
      db
        .prepare('SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY rowid')
        .all(id) as {
        tag: string;
      }[]
    ).map((r) => r.tag);
  }

  private toRecord(row: AnnotationRow, tags?: string[]): AnnotationRecord {
    return {
      id: row.id,
      kind: row.kind,
      sectionId: row.section_id,
      groupId: row.group_id,
      color: row.color,
      note: row.note,
      tags: tags ?? this.tagsOf(this.lib.db, row.id),
      target: row.target === null ? null : (JSON.parse(row.target) as AnnotationTarget),
      anchor: row.anchor,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private row(id: string): AnnotationRow | undefined {
    return this.lib.db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as
      AnnotationRow | undefined;
  }

  /** Live annotations in creation order (tags read in one query, not one per annotation). */
  list(): AnnotationRecord[] {
    const db = this.lib.db;
    const rows = db
      .prepare(
        'SELECT * FROM annotations WHERE deleted_at IS NULL AND document_id = ? ORDER BY created_at, id',
      )
      .all(this.documentKey) as AnnotationRow[];
    const tags = new Map<string, string[]>();
    for (const t of db
      .prepare('SELECT annotation_id, tag FROM annotation_tags ORDER BY rowid')
      .all() as { annotation_id: string; tag: string }[]) {
      const list = tags.get(t.annotation_id);
      if (list) list.push(t.tag);
      else tags.set(t.annotation_id, [t.tag]);
    }
    return rows.map((row) => this.toRecord(row, tags.get(row.id) ?? []));
  }

  get(id: string): AnnotationRecord {
    const row = this.row(checkId(id));
    if (!row || row.deleted_at !== null) throw new ApiError('not_found', `no annotation ${id}`);
    return this.toRecord(row);
  }

  private insert(db: Database.Database, record: AnnotationRecord): void {
    db.prepare(
      `INSERT INTO annotations (id, kind, section_id, group_id, color, note, target, anchor, created_at, updated_at, document_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      record.id,
      record.kind,
      record.sectionId,
      record.groupId,
      record.color,
      record.note,
      record.target === null ? null : JSON.stringify(record.target),
      record.anchor,
      record.createdAt,
      record.updatedAt,
      this.documentKey,
    );
    this.writeTags(db, record.id, record.tags);
  }

  private writeTags(db: Database.Database, id: string, tags: string[]): void {
    db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(id);
    const add = db.prepare('INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)');
    for (const tag of tags) add.run(id, tag);
  }

  /** Stores a new annotation (id and times assigned here) after full validation. */
  create(draft: AnnotationDraft): AnnotationRecord {
    return this.createGroup([draft])[0] as AnnotationRecord;
  }

  /**
   * Stores highlights that are one passage across sections, in one transaction:
   * two or more share a new group id; one alone has none. Returned in the order given.
   */
  createGroup(drafts: readonly AnnotationDraft[]): AnnotationRecord[] {
    if (drafts.length === 0) throw new ApiError('invalid_input', 'no annotation to store');
    const now = this.lib.now();
    const groupId = drafts.length > 1 ? `grp-${crypto.randomUUID()}` : null;
    const records = drafts.map((draft) =>
      validated(
        annotationRecordSchema(),
        { ...draft, id: `an-${crypto.randomUUID()}`, groupId, createdAt: now, updatedAt: now },
        'annotation',
      ),
    );
    this.lib.write((db) => {
      for (const record of records) this.insert(db, record);
    });
    return records;
  }

  /** Ids of the annotation and the other members of its group (live or deleted as `which` says). */
  private membersOf(row: AnnotationRow, which: 'live' | 'deleted'): string[] {
    if (row.group_id === null) return [row.id];
    const rows = this.lib.db
      .prepare(
        `SELECT id FROM annotations WHERE group_id = ? AND deleted_at IS ${which === 'live' ? '' : 'NOT '}NULL ORDER BY created_at, id`,
      )
      .all(row.group_id) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Changes colour, note or tags; a member of a group changes the whole group alike. */
  update(id: string, patch: AnnotationPatch): AnnotationRecord {
    const current = this.get(id);
    const next: AnnotationRecord = { ...current, updatedAt: this.lib.now() };
    if (patch.color !== undefined) next.color = validated(colorSchema, patch.color, 'color');
    if (patch.note !== undefined) next.note = validated(noteSchema, patch.note, 'note');
    if (patch.tags !== undefined) next.tags = validated(tagsSchema, patch.tags, 'tags');
    const members = this.membersOf(this.row(id) as AnnotationRow, 'live');
    this.lib.write((db) => {
      const set = db.prepare(
        'UPDATE annotations SET color = ?, note = ?, updated_at = ? WHERE id = ?',
      );
      for (const member of members) {
        set.run(next.color, next.note, next.updatedAt, member);
        if (patch.tags !== undefined) this.writeTags(db, member, next.tags);
      }
    });
    return next;
  }

  /** Live annotations (highlights and section notes) per section. */
  countsBySection(): Map<string, number> {
    const rows = this.lib.db
      .prepare(
        'SELECT section_id, count(*) AS n FROM annotations WHERE deleted_at IS NULL AND document_id = ? GROUP BY section_id',
      )
      .all(this.documentKey) as { section_id: string; n: number }[];
    return new Map(rows.map((r) => [r.section_id, r.n]));
  }

  /** Records where a highlight is now (after re-anchoring); the note and times are untouched. */
  setAnchor(
    id: string,
    target: AnnotationTarget | null,
    anchor: AnchorState,
    sectionId?: string,
  ): void {
    const current = this.get(id);
    if (current.kind === 'highlight' && target === null)
      throw new ApiError('invalid_input', 'a highlight needs a target');
    const checked = validated(
      annotationRecordSchema(),
      { ...current, target, anchor, sectionId: sectionId ?? current.sectionId },
      'annotation',
    );
    this.lib.write((db) =>
      db
        .prepare('UPDATE annotations SET target = ?, anchor = ?, section_id = ? WHERE id = ?')
        .run(
          checked.target === null ? null : JSON.stringify(checked.target),
          checked.anchor,
          checked.sectionId,
          id,
        ),
    );
  }

  /**
   * Soft delete: returns the annotation, which restore() brings back (undo). A
   * member of a group deletes the whole group.
   */
  delete(id: string): AnnotationRecord {
    const current = this.get(id);
    const members = this.membersOf(this.row(id) as AnnotationRow, 'live');
    const now = this.lib.now();
    this.lib.write((db) => {
      const remove = db.prepare('UPDATE annotations SET deleted_at = ? WHERE id = ?');
      for (const member of members) remove.run(now, member);
    });
    return current;
  }

  /** Undoes a delete (of the whole group, for a member of one). */
  restore(id: string): AnnotationRecord {
    const row = this.row(checkId(id));
    if (!row) throw new ApiError('not_found', `no annotation ${id}`);
    if (row.deleted_at !== null) {
      const members = this.membersOf(row, 'deleted');
      this.lib.write((db) => {
        const bring = db.prepare('UPDATE annotations SET deleted_at = NULL WHERE id = ?');
        for (const member of members) bring.run(member);
      });
    }
    return this.get(id);
  }

  /**
   * Import of one record inside the caller's transaction: added when new, updated
   * when the imported copy is newer, otherwise unchanged (importing twice adds nothing).
   */
  importRecord(raw: unknown): 'added' | 'updated' | 'unchanged' {
    const record = validated(annotationRecordSchema(), raw, 'annotation');
    const db = this.lib.db;
    const existing = this.row(record.id);
    if (!existing) {
      this.insert(db, record);
      return 'added';
    }
    const current = this.toRecord(existing);
    const same = JSON.stringify(current) === JSON.stringify(record) && existing.deleted_at === null;
    if (same || record.updatedAt < current.updatedAt) return 'unchanged';
    if (record.updatedAt === current.updatedAt && existing.deleted_at === null) return 'unchanged';
    db.prepare('DELETE FROM annotations WHERE id = ?').run(record.id);
    this.insert(db, record);
    return 'updated';
  }
}

// Annotations in user.sqlite: highlights (with their W3C selectors) and section
// notes, with colour, note and tags. Every record is validated by the shared
// schema before it is written, each change is one committed transaction, and
// deletion is soft so that it can be undone. A passage across sections is a group
// of highlights (one per section) sharing a group id: created in one transaction,
// and a change of colour, note or tags, a deletion or a restore of one member is
// made to every member in one transaction. Reading is the other way round:
// whatever a row holds (a target written by an older version, edited by hand or
// cut short), it is listed — a target that does not describe a passage makes the
// highlight an orphan with whatever quote it has, never an exception that would
// lock the reader out of every other note.
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
import { liveCountsBySection } from './section-counts';
import { statement } from './statements';

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
  anchored_to: string | null;
  conflict_of: string | null;
}

export interface AnnotationPatch {
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

/** Where re-anchoring placed one annotation (null target: a section note). */
export interface AnchorUpdate {
  id: string;
  sectionId: string;
  target: AnnotationTarget | null;
  anchor: AnchorState;
}

const checkId = (id: unknown): string => validated(idSchema, id, 'annotation id');

/** What a caller supplies for a new annotation (id, times and group are assigned here). */
export type AnnotationDraft = Omit<AnnotationRecord, 'id' | 'createdAt' | 'updatedAt' | 'groupId'>;

const isString = (v: unknown): v is string => typeof v === 'string';
const isOffset = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/**
 * Whether a stored target has the shape of one: cheap structural checks (this runs
 * for every row listed), not the full schema the write paths apply.
 */
export function isSoundTarget(value: unknown): value is AnnotationTarget {
  if (value === null || typeof value !== 'object') return false;
  const t = value as Record<string, unknown>;
  const quote = t.quote as Record<string, unknown> | null | undefined;
  const position = t.position as Record<string, unknown> | null | undefined;
  return (
    Array.isArray(t.paragraphIds) &&
    t.paragraphIds.length > 0 &&
    t.paragraphIds.every(isString) &&
    typeof quote === 'object' &&
    quote !== null &&
    isString(quote.exact) &&
    quote.exact.length > 0 &&
    isString(quote.prefix) &&
    isString(quote.suffix) &&
    typeof position === 'object' &&
    position !== null &&
    isOffset(position.start) &&
    isOffset(position.end) &&
    (position.start as number) < (position.end as number) &&
    isString(t.startParagraphId) &&
    isOffset(t.startOffset) &&
    isString(t.endParagraphId) &&
    isOffset(t.endOffset)
  );
}

/** What can be kept of a target that is not sound: its quote and context as text. */
function salvagedTarget(value: unknown): AnnotationTarget {
  const t = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const quote = (t.quote !== null && typeof t.quote === 'object' ? t.quote : {}) as Record<
    string,
    unknown
  >;
  const text = (v: unknown): string => (isString(v) ? v : '');
  return {
    paragraphIds: Array.isArray(t.paragraphIds) ? t.paragraphIds.filter(isString) : [],
    quote: { exact: text(quote.exact), prefix: text(quote.prefix), suffix: text(quote.suffix) },
    position: { start: 0, end: 0 },
    startParagraphId: text(t.startParagraphId),
    startOffset: 0,
    endParagraphId: text(t.endParagraphId),
    endOffset: 0,
  };
}

/** A stored target as the reader sees it: the target, and whether it can be placed at all. */
export function readStoredTarget(json: string | null): {
  target: AnnotationTarget | null;
  sound: boolean;
} {
  if (json === null) return { target: null, sound: true };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = null;
  }
  return isSoundTarget(value)
    ? { target: value, sound: true }
    : { target: salvagedTarget(value), sound: false };
}

/** Inserts one validated record (and its tags) into `db`; the caller holds the transaction. */
export function insertAnnotation(
  db: Database.Database,
  record: AnnotationRecord,
  anchoredTo: string | null,
  documentKey = '',
): void {
  statement(
    db,
    `INSERT INTO annotations (id, kind, section_id, group_id, color, note, target, anchor, created_at, updated_at, anchored_to, conflict_of, document_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    anchoredTo,
    record.conflictOf ?? null,
    documentKey,
  );
  writeTags(db, record.id, record.tags);
}

function writeTags(db: Database.Database, id: string, tags: string[]): void {
  statement(db, 'DELETE FROM annotation_tags WHERE annotation_id = ?').run(id);
  const add = statement(db, 'INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)');
  for (const tag of tags) add.run(id, tag);
}

/** Reads one row (any state) with its tags, tolerant of what it holds. */
export function storedAnnotation(
  db: Database.Database,
  id: string,
): (AnnotationRecord & { deleted: boolean }) | null {
  const row = statement(db, 'SELECT * FROM annotations WHERE id = ?').get(id) as
    AnnotationRow | undefined;
  if (!row) return null;
  const tags = (
    statement(db, 'SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY rowid').all(
      id,
    ) as {
      tag: string;
    }[]
  ).map((r) => r.tag);
  return { ...toRecord(row, tags), deleted: row.deleted_at !== null };
}

function toRecord(row: AnnotationRow, tags: string[]): AnnotationRecord {
  const { target, sound } = readStoredTarget(row.target);
  return {
    id: row.id,
    kind: row.kind,
    sectionId: row.section_id,
    groupId: row.group_id,
    color: row.color,
    note: row.note,
    tags,
    target,
    anchor: sound ? row.anchor : 'orphan',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.conflict_of ? { conflictOf: row.conflict_of } : {}),
  };
}

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
      statement(db, 'SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY rowid').all(
        id,
      ) as { tag: string }[]
    ).map((r) => r.tag);
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
    return rows.map((row) => toRecord(row, tags.get(row.id) ?? []));
  }

  /**
   * Live annotations not yet placed in the content of `digest` (re-anchoring's work
   * list), at most `limit`, with the digest they were last placed against.
   */
  pendingFor(digest: string, limit: number): AnnotationRecord[] {
    const db = this.lib.db;
    const rows = db
      .prepare(
        `SELECT * FROM annotations WHERE deleted_at IS NULL AND document_id = ?
           AND (anchored_to IS NULL OR anchored_to <> ?)
         ORDER BY created_at, id LIMIT ?`,
      )
      .all(this.documentKey, digest, limit) as AnnotationRow[];
    return rows.map((row) => toRecord(row, this.tagsOf(db, row.id)));
  }

  /** How many live annotations are not yet placed in the content of `digest`. */
  countPending(digest: string): number {
    return (
      this.lib.db
        .prepare(
          'SELECT count(*) AS n FROM annotations WHERE deleted_at IS NULL AND document_id = ? AND (anchored_to IS NULL OR anchored_to <> ?)',
        )
        .get(this.documentKey, digest) as { n: number }
    ).n;
  }

  get(id: string): AnnotationRecord {
    const row = this.row(checkId(id));
    if (!row || row.deleted_at !== null) throw new ApiError('not_found', `no annotation ${id}`);
    return toRecord(row, this.tagsOf(this.lib.db, row.id));
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
      for (const record of records)
        insertAnnotation(db, record, this.lib.contentDigest, this.documentKey);
    });
    return records;
  }

  /** Ids of the annotation and the other members of its group (live or deleted as `which` says). */
  /**
   * The members of `row`'s group: the live ones, or those deleted together with it (one
   * delete's undo brings back what that delete removed, not a part deleted before).
   */
  private membersOf(row: AnnotationRow, which: 'live' | 'deleted'): string[] {
    if (row.group_id === null) return [row.id];
    const rows = (
      which === 'live'
        ? this.lib.db
            .prepare(
              'SELECT id FROM annotations WHERE group_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
            )
            .all(row.group_id)
        : this.lib.db
            .prepare(
              'SELECT id FROM annotations WHERE group_id = ? AND deleted_at = ? ORDER BY created_at, id',
            )
            .all(row.group_id, row.deleted_at)
    ) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Changes colour, note or tags; a member of a group changes the whole group alike. */
  update(id: string, patch: AnnotationPatch): AnnotationRecord {
    if (this.lib.readOnly) throw this.lib.readOnlyError();
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
        if (patch.tags !== undefined) writeTags(db, member, next.tags);
      }
    });
    return next;
  }

  /** Live annotations (highlights and section notes) per section. */
  countsBySection(): Map<string, number> {
    return liveCountsBySection(this.lib.db, 'annotations', this.documentKey);
  }

  /**
   * Records where highlights are now (re-anchoring), all in one transaction, with
   * the digest of the content they were placed in; notes and times are untouched.
   * Each target has been checked by the caller.
   */
  setAnchors(updates: readonly AnchorUpdate[], digest: string | null): void {
    if (updates.length === 0) return;
    this.lib.writeAnchors((db) => {
      const set = db.prepare(
        'UPDATE annotations SET target = ?, anchor = ?, section_id = ?, anchored_to = ? WHERE id = ?',
      );
      for (const u of updates)
        set.run(
          u.target === null ? null : JSON.stringify(u.target),
          u.anchor,
          u.sectionId,
          digest,
          u.id,
        );
    });
  }

  /** Records that these annotations were checked against `digest` and stay as they are. */
  markAnchored(ids: readonly string[], digest: string): void {
    if (ids.length === 0) return;
    this.lib.writeAnchors((db) => {
      const set = db.prepare('UPDATE annotations SET anchored_to = ? WHERE id = ?');
      for (const id of ids) set.run(digest, id);
    });
  }

  /**
   * Soft delete: returns the annotation, which restore() brings back (undo). A
   * member of a group deletes the whole group, or only itself when `part` is set
   * (the rest of the group stays linked).
   */
  delete(id: string, part = false): AnnotationRecord {
    if (this.lib.readOnly) throw this.lib.readOnlyError();
    const current = this.get(id);
    const members = part ? [current.id] : this.membersOf(this.row(id) as AnnotationRow, 'live');
    const now = this.lib.now();
    this.lib.write((db) => {
      const remove = db.prepare('UPDATE annotations SET deleted_at = ? WHERE id = ?');
      for (const member of members) remove.run(now, member);
    });
    return current;
  }

  /** Undoes a delete (of the whole group, for a member of one; of itself alone with `part`). */
  restore(id: string, part = false): AnnotationRecord {
    if (this.lib.readOnly) throw this.lib.readOnlyError();
    const row = this.row(checkId(id));
    if (!row) throw new ApiError('not_found', `no annotation ${id}`);
    if (row.deleted_at !== null) {
      const members = part ? [row.id] : this.membersOf(row, 'deleted');
      this.lib.write((db) => {
        const bring = db.prepare('UPDATE annotations SET deleted_at = NULL WHERE id = ?');
        for (const member of members) bring.run(member);
      });
    }
    return this.get(id);
  }
}

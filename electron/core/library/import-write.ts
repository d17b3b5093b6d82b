// The second half of an import: one short IMMEDIATE transaction that stores what the
// first half (./import-prepare.ts) checked and placed. Each item is compared with
// what is stored under its id: new → added; the same content → unchanged (a deleted
// copy is brought back); other content → a conflict. A conflict never replaces the
// stored note, whatever the two `modified` times say: the imported annotation is
// kept beside it as a copy under an id of its own, marked with the id it conflicts
// with; a bookmark keeps its stored label (a place — a section as a whole, or a
// position — has one bookmark). Importing the same file again finds the same copies
// and changes nothing. Any error, or a cancel that arrives before the commit, rolls
// the whole transaction back: nothing of the file is stored.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AnnotationRecord, BookmarkRecord } from '../../common/annotations/records';
import type { ImportCounts, ImportItemReport } from '../../common/api/types';
import { MAX_ID_LENGTH } from '../../common/rules/ids';
import { MAX_IMPORT_REPORTS } from '../../common/rules/notes';
import { insertAnnotation, storedAnnotation } from './annotations';
import { insertBookmark, type BookmarkRow as StoredBookmarkRow } from './bookmarks';
import { ImportCancelled, type PreparedImport } from './import-prepare';
import { statement } from './statements';
import { bumpNotesSeq, notesSeq } from './change-seq';

export interface ImportWriteResult {
  annotations: ImportCounts;
  bookmarks: ImportCounts;
  /** The first MAX_IMPORT_REPORTS conflicts, in file order (refusals come from the first half). */
  conflicts: ImportItemReport[];
  /** Whether anything was written. */
  changed: boolean;
}

const counts = (): ImportCounts => ({ added: 0, unchanged: 0, conflicts: 0, refused: 0 });

/** Counts what a decision did: an item inserted or undeleted is one added. */
function tally(c: ImportCounts, action: 'insert' | 'undelete' | 'unchanged' | 'conflict'): void {
  if (action === 'unchanged') c.unchanged += 1;
  else if (action === 'conflict') c.conflicts += 1;
  else c.added += 1;
}

/** What makes two copies of an annotation the same note (not its place, nor its times). */
function contentKey(a: AnnotationRecord): string {
  return JSON.stringify([
    a.kind,
    a.kind === 'section-note' ? a.sectionId : (a.target?.quote.exact ?? ''),
    a.color,
    a.note,
    [...a.tags].sort(),
  ]);
}

/** The id an imported copy gets beside a stored note it conflicts with (the same for the same copy). */
export function conflictCopyId(id: string, record: AnnotationRecord): string {
  const digest = crypto.createHash('sha256').update(contentKey(record)).digest('hex').slice(0, 16);
  const suffix = `.conflict-${digest}`;
  return `${id.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
}

/** The columns the import reads of a stored bookmark. */
type BookmarkRow = Omit<StoredBookmarkRow, 'created_at' | 'updated_at'>;

const BOOKMARK_COLUMNS = 'id, section_id, paragraph_id, char_offset, label, deleted_at';

/** The same place: the same section as a whole, or the same position. */
function samePlace(row: BookmarkRow, record: BookmarkRecord): boolean {
  return (
    row.section_id === record.sectionId &&
    row.paragraph_id === record.paragraphId &&
    row.char_offset === record.offset
  );
}

type AnnotationDecision =
  | { action: 'insert' }
  | { action: 'undelete' }
  | { action: 'unchanged' }
  | { action: 'conflict'; copyId: string };

/** What storing this annotation means, given what `db` holds under its id. */
function decideAnnotation(db: Database.Database, record: AnnotationRecord): AnnotationDecision {
  const stored = storedAnnotation(db, record.id);
  if (!stored) return { action: 'insert' };
  if (contentKey(stored) === contentKey(record))
    return stored.deleted ? { action: 'undelete' } : { action: 'unchanged' };
  const copyId = conflictCopyId(record.id, record);
  // The same file (or the same copy) imported before: already beside the original.
  if (storedAnnotation(db, copyId)) return { action: 'unchanged' };
  return { action: 'conflict', copyId };
}

type BookmarkDecision =
  | { action: 'insert' }
  | { action: 'undelete' }
  | { action: 'unchanged' }
  | { action: 'conflict'; reason: string };

function decideBookmark(
  db: Database.Database,
  record: BookmarkRecord,
  documentKey: string,
): BookmarkDecision {
  const stored = statement(db, `SELECT ${BOOKMARK_COLUMNS} FROM bookmarks WHERE id = ?`).get(
    record.id,
  ) as BookmarkRow | undefined;
  // The live bookmark at the same place: one per section as a whole, one per position.
  const atPlace = (
    record.paragraphId === null || record.offset === null
      ? statement(
          db,
          `SELECT ${BOOKMARK_COLUMNS} FROM bookmarks WHERE section_id = ? AND paragraph_id IS NULL AND document_id = ? AND deleted_at IS NULL`,
        ).get(record.sectionId, documentKey)
      : statement(
          db,
          `SELECT ${BOOKMARK_COLUMNS} FROM bookmarks WHERE paragraph_id = ? AND char_offset = ? AND document_id = ? AND deleted_at IS NULL`,
        ).get(record.paragraphId, record.offset, documentKey)
  ) as BookmarkRow | undefined;
  const theirs = `the file's label: "${record.label.slice(0, 100)}"`;
  if (stored) {
    if (!samePlace(stored, record) || stored.label !== record.label)
      return {
        action: 'conflict',
        reason: `a bookmark with this id is stored with another label or place; the stored one was kept (${theirs})`,
      };
    return stored.deleted_at !== null && !atPlace
      ? { action: 'undelete' }
      : { action: 'unchanged' };
  }
  if (atPlace)
    return atPlace.label === record.label
      ? { action: 'unchanged' }
      : {
          action: 'conflict',
          reason: `${record.paragraphId === null ? `section ${record.sectionId}` : `this place in section ${record.sectionId}`} is already bookmarked with another label; the stored bookmark was kept (${theirs})`,
        };
  return { action: 'insert' };
}

/**
 * What storing each item of `prepared` would do, decided against what `db` holds
 * (read only: nothing is written), as of the notes counter `seq`. The write reuses
 * these decisions when no note changed since, so the transaction that holds the
 * write lock only inserts.
 */
export interface ImportPlan {
  seq: number;
  annotations: AnnotationDecision[];
  bookmarks: BookmarkDecision[];
  /** Items that would change what is stored. */
  changes: number;
}

export function planImport(
  db: Database.Database,
  prepared: PreparedImport,
  documentKey: string,
): ImportPlan {
  const plan: ImportPlan = { seq: notesSeq(db), annotations: [], bookmarks: [], changes: 0 };
  for (const { record } of prepared.annotations) {
    const decision = decideAnnotation(db, record);
    plan.annotations.push(decision);
    if (decision.action !== 'unchanged') plan.changes += 1;
  }
  for (const { record } of prepared.bookmarks) {
    const decision = decideBookmark(db, record, documentKey);
    plan.bookmarks.push(decision);
    if (decision.action === 'insert' || decision.action === 'undelete') plan.changes += 1;
  }
  return plan;
}

export function writeImport(
  db: Database.Database,
  prepared: PreparedImport,
  options: {
    digest: string | null;
    documentKey: string;
    cancelled?: () => boolean;
    plan?: ImportPlan;
  },
): ImportWriteResult {
  const result: ImportWriteResult = {
    annotations: counts(),
    bookmarks: counts(),
    conflicts: [],
    changed: false,
  };
  const write = db.transaction(() => {
    // The plan holds while no note has changed since it was made (then nothing it
    // read can differ); otherwise each item is decided again, inside the transaction.
    const plan = options.plan && options.plan.seq === notesSeq(db) ? options.plan : null;
    const undelete = db.prepare('UPDATE annotations SET deleted_at = NULL WHERE id = ?');
    for (const [i, { index, record }] of prepared.annotations.entries()) {
      const decision = plan?.annotations[i] ?? decideAnnotation(db, record);
      tally(result.annotations, decision.action);
      switch (decision.action) {
        case 'insert':
          insertAnnotation(db, record, options.digest, options.documentKey);
          break;
        case 'undelete':
          undelete.run(record.id);
          break;
        case 'conflict':
          insertAnnotation(
            db,
            // The copy stands alone: in the stored note's group it would change with it.
            { ...record, id: decision.copyId, groupId: null, conflictOf: record.id },
            options.digest,
            options.documentKey,
          );
          result.conflicts.push({
            item: index,
            kind: 'annotation',
            id: record.id,
            outcome: 'conflict',
            reason: `an annotation with this id is stored with other content; the stored one was kept and the imported one added beside it as ${decision.copyId}`,
            copyId: decision.copyId,
          });
          break;
      }
    }
    const undeleteBookmark = db.prepare('UPDATE bookmarks SET deleted_at = NULL WHERE id = ?');
    for (const [i, { index, record }] of prepared.bookmarks.entries()) {
      const decision = plan?.bookmarks[i] ?? decideBookmark(db, record, options.documentKey);
      tally(result.bookmarks, decision.action);
      switch (decision.action) {
        case 'insert':
          insertBookmark(db, record, options.documentKey);
          break;
        case 'undelete':
          undeleteBookmark.run(record.id);
          break;
        case 'conflict':
          result.conflicts.push({
            item: index,
            kind: 'bookmark',
            id: record.id,
            outcome: 'conflict',
            reason: decision.reason,
          });
          break;
      }
    }
    result.changed =
      result.annotations.added + result.annotations.conflicts + result.bookmarks.added > 0;
    if (result.changed) bumpNotesSeq(db);
    // The last moment a cancel is honoured: throwing here rolls everything back.
    if (options.cancelled?.()) throw new ImportCancelled();
  });
  write.immediate();
  // The first conflicts in file order; the counts hold them all.
  result.conflicts = result.conflicts.sort((a, b) => a.item - b.item).slice(0, MAX_IMPORT_REPORTS);
  return result;
}

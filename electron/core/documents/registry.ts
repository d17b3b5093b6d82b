// The list of imported documents in user.sqlite (library_documents, migration 4):
// one row per document — its content database's file name in library/, the original
// file's hash, and the title, publisher and year the reader may edit — plus each
// document's reading position. Every change is one committed transaction of the
// library (SqliteLibrary.write), so a row and the file it names change together with
// nothing in between that a crash could leave half done. Notes are not here: they
// stay in the annotations and bookmarks tables, keyed by document id.
import { ApiError } from '../../common/api/contract';
import type { DocumentFormat, ReadingPosition, WritingMode } from '../../common/api/types';
import type { SqliteLibrary } from '../library/library';
import { openDatabase } from '../sqlite';

export interface DocumentRow {
  id: string;
  file: string;
  title: string;
  publisher: string;
  year: string;
  format: DocumentFormat;
  sourceName: string;
  sourceSha256: string;
  sourceBytes: number;
  pages: number | null;
  sections: number;
  paragraphs: number;
  writingMode: WritingMode;
  edition: number;
  importedAt: string;
  updatedAt: string;
  removedAt: string | null;
}

/** The columns as SQLite names them: the one-word fields as they are, the others in snake_case. */
type SameNamed =
  | 'id'
  | 'file'
  | 'title'
  | 'publisher'
  | 'year'
  | 'format'
  | 'pages'
  | 'sections'
  | 'paragraphs'
  | 'edition';
interface Row extends Pick<DocumentRow, SameNamed> {
  source_name: string;
  source_sha256: string;
  source_bytes: number;
  writing_mode: WritingMode;
  imported_at: string;
  updated_at: string;
  removed_at: string | null;
}

const fromRow = (r: Row): DocumentRow => ({
  id: r.id,
  file: r.file,
  title: r.title,
  publisher: r.publisher,
  year: r.year,
  format: r.format,
  sourceName: r.source_name,
  sourceSha256: r.source_sha256,
  sourceBytes: r.source_bytes,
  pages: r.pages,
  sections: r.sections,
  paragraphs: r.paragraphs,
  writingMode: r.writing_mode,
  edition: r.edition,
  importedAt: r.imported_at,
  updatedAt: r.updated_at,
  removedAt: r.removed_at,
});

/** The first year (19xx/20xx) a date or an edition names, else ''. */
export function yearOf(text: string): string {
  return /(?:19|20)\d{2}/.exec(text.normalize('NFKC'))?.[0] ?? '';
}

/** A title as compared to find an earlier edition: NFKC, white space and case ignored. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** What an import contributes to a row (the rest is the library's or the reader's). */
export type ImportedFacts = Omit<
  DocumentRow,
  'id' | 'edition' | 'importedAt' | 'updatedAt' | 'removedAt'
>;

/** An import's facts in the column order both statements below use. */
function factValues(f: ImportedFacts): (string | number | null)[] {
  return [
    f.file,
    f.title,
    f.publisher,
    f.year,
    f.format,
    f.sourceName,
    f.sourceSha256,
    f.sourceBytes,
    f.pages,
    f.sections,
    f.paragraphs,
    f.writingMode,
  ];
}

/**
 * The list of documents another copy of user.sqlite holds (a backup), read-only; empty
 * when it has none (a backup from before the library) or cannot be read.
 */
export function documentRowsOf(file: string): DocumentRow[] {
  try {
    const db = openDatabase(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT * FROM library_documents').all() as Row[]).map(fromRow);
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

export class DocumentRegistry {
  constructor(private readonly library: SqliteLibrary) {}

  private get db() {
    return this.library.db;
  }

  /** Documents by title (then id); removed ones only when asked. */
  list(includeRemoved = false): DocumentRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM library_documents ${includeRemoved ? '' : 'WHERE removed_at IS NULL'} ORDER BY title, id`,
      )
      .all() as Row[];
    return rows.map(fromRow);
  }

  find(id: string): DocumentRow | null {
    const row = this.db.prepare('SELECT * FROM library_documents WHERE id = ?').get(id) as
      Row | undefined;
    return row ? fromRow(row) : null;
  }

  get(id: string): DocumentRow {
    const row = this.find(id);
    if (!row) throw new ApiError('not_found', `no document ${id} in the library`);
    return row;
  }

  /** A document in the library (not removed) whose file had this hash. */
  liveBySha(sha256: string): DocumentRow | null {
    const row = this.db
      .prepare(
        'SELECT * FROM library_documents WHERE source_sha256 = ? AND removed_at IS NULL ORDER BY id LIMIT 1',
      )
      .get(sha256) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /**
   * The document a new import of this title continues (an earlier edition): a live one
   * first, else a removed one whose notes are still kept; null when none or ambiguous.
   */
  byTitle(title: string): DocumentRow | null {
    const key = titleKey(title);
    const same = this.list(true).filter((d) => titleKey(d.title) === key);
    const live = same.filter((d) => d.removedAt === null);
    if (live.length === 1) return live[0] ?? null;
    if (live.length > 1) return null;
    return same.length === 1 ? (same[0] ?? null) : null;
  }

  /** Adds a new document (one transaction). */
  insert(id: string, facts: ImportedFacts): DocumentRow {
    const now = this.library.now();
    this.library.write((db) =>
      db
        .prepare(
          `INSERT INTO library_documents (id, file, title, publisher, year, format, source_name,
             source_sha256, source_bytes, pages, sections, paragraphs, writing_mode, edition,
             imported_at, updated_at, removed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, NULL)`,
        )
        .run(id, ...factValues(facts), now, now),
    );
    return this.get(id);
  }

  /**
   * A newer edition replaces the document's text (one transaction): the row names the
   * new file and its facts, the edition counts up, a removed document is back.
   */
  replaceEdition(id: string, facts: ImportedFacts): DocumentRow {
    const now = this.library.now();
    this.library.write((db) => {
      const changed = db
        .prepare(
          `UPDATE library_documents SET file = ?, title = ?, publisher = ?, year = ?, format = ?,
             source_name = ?, source_sha256 = ?, source_bytes = ?, pages = ?, sections = ?,
             paragraphs = ?, writing_mode = ?, edition = edition + 1, updated_at = ?,
             removed_at = NULL
           WHERE id = ?`,
        )
        .run(...factValues(facts), now, id).changes;
      if (changed !== 1) throw new ApiError('not_found', `no document ${id} in the library`);
    });
    return this.get(id);
  }

  /**
   * Points a document at the edition another list of the library knows (the list as it
   * was before a restore replaced it): its database, source and counts; the reader's
   * title, publisher and year stay as restored.
   */
  relink(id: string, edition: DocumentRow): DocumentRow {
    this.library.write((db) => {
      const changed = db
        .prepare(
          `UPDATE library_documents SET file = ?, format = ?, source_name = ?, source_sha256 = ?,
             source_bytes = ?, pages = ?, sections = ?, paragraphs = ?, writing_mode = ?,
             edition = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(
          edition.file,
          edition.format,
          edition.sourceName,
          edition.sourceSha256,
          edition.sourceBytes,
          edition.pages,
          edition.sections,
          edition.paragraphs,
          edition.writingMode,
          edition.edition,
          this.library.now(),
          id,
        ).changes;
      if (changed !== 1) throw new ApiError('not_found', `no document ${id} in the library`);
    });
    return this.get(id);
  }

  updateMetadata(
    id: string,
    patch: { title?: string; publisher?: string; year?: string },
  ): DocumentRow {
    const current = this.get(id);
    if (current.removedAt !== null)
      throw new ApiError('not_found', `document ${id} was removed from the library`);
    const next = {
      title: patch.title?.trim() ?? current.title,
      publisher: patch.publisher?.trim() ?? current.publisher,
      year: patch.year?.trim() ?? current.year,
    };
    this.library.write((db) =>
      db
        .prepare(
          'UPDATE library_documents SET title = ?, publisher = ?, year = ?, updated_at = ? WHERE id = ?',
        )
        .run(next.title, next.publisher, next.year, this.library.now(), id),
    );
    return this.get(id);
  }

  /** Marks a document removed (its notes and its row stay); returns it. */
  markRemoved(id: string): DocumentRow {
    const current = this.get(id);
    if (current.removedAt !== null)
      throw new ApiError('not_found', `document ${id} was already removed from the library`);
    this.library.write((db) =>
      db
        .prepare('UPDATE library_documents SET removed_at = ?, updated_at = ? WHERE id = ?')
        .run(this.library.now(), this.library.now(), id),
    );
    return this.get(id);
  }

  /** Live annotations and bookmarks of a document. */
  notesCount(documentKey: string): number {
    const row = this.db
      .prepare(
        `SELECT (SELECT count(*) FROM annotations WHERE document_id = ? AND deleted_at IS NULL)
              + (SELECT count(*) FROM bookmarks WHERE document_id = ? AND deleted_at IS NULL) AS n`,
      )
      .get(documentKey, documentKey) as { n: number };
    return row.n;
  }

  /** The document of a stored annotation or bookmark ('' the bundled chapter; null: no such note). */
  documentOf(kind: 'annotation' | 'bookmark', noteId: string): string | null {
    const table = kind === 'annotation' ? 'annotations' : 'bookmarks';
    const row = this.db.prepare(`SELECT document_id FROM ${table} WHERE id = ?`).get(noteId) as
      { document_id: string } | undefined;
    return row ? row.document_id : null;
  }

  getPosition(id: string): ReadingPosition | null {
    const row = this.db
      .prepare('SELECT section_id, scroll FROM library_positions WHERE document_id = ?')
      .get(id) as { section_id: string; scroll: number } | undefined;
    return row ? { sectionId: row.section_id, scroll: row.scroll } : null;
  }

  setPosition(id: string, position: ReadingPosition): ReadingPosition {
    this.library.write((db) =>
      db
        .prepare(
          `INSERT INTO library_positions (document_id, section_id, scroll, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (document_id) DO UPDATE SET section_id = excluded.section_id,
             scroll = excluded.scroll, updated_at = excluded.updated_at`,
        )
        .run(id, position.sectionId, position.scroll, this.library.now()),
    );
    return { sectionId: position.sectionId, scroll: position.scroll };
  }

  /** Files the list names (removed documents name none that must be kept). */
  liveFiles(): Set<string> {
    return new Set(this.list(false).map((d) => d.file));
  }
}

// Types of the library of imported documents, shared by every layer (core, hosts,
// renderer); re-exported by ./types.ts, so callers import them from there like the rest.
// Pure types only.
import type { WritingMode as DocumentWritingMode } from '../rules/prefs';
import type { SearchOrder } from '../rules/search';
import type { BackupEntry, SearchResultItem } from './types';

// ---- the library of imported documents -------------------------------------

/** The formats an import reads. */
export type DocumentFormat = 'pdf' | 'html' | 'epub' | 'text' | 'markdown';

/** One document of the library: the bundled chapter (first) or one the reader imported. */
export interface LibraryDocument {
  /** The id every call takes as `documentId` (the bundled chapter's is its content's). */
  id: string;
  bundled: boolean;
  /** Title, publisher and year as the reader set them (citations use them). */
  title: string;
  publisher: string;
  year: string;
  /** Null for the bundled chapter. */
  format: DocumentFormat | null;
  /** The imported file's name and hash (the bundled chapter: its source file). */
  sourceName: string;
  sourceSha256: string;
  sourceBytes: number | null;
  /** Pages of a paged source (PDF, EPUB with page markers), else null. */
  pages: number | null;
  sections: number;
  paragraphs: number;
  writingMode: DocumentWritingMode;
  /** 1 for the first import; each newer edition imported over it adds one. */
  edition: number;
  importedAt: string | null;
  updatedAt: string | null;
  /** Removed from the library: its text is gone, its notes are kept (listable, exportable). */
  removed: boolean;
  removedAt: string | null;
  /** Live annotations and bookmarks of the document. */
  notes: number;
}

export type DocumentImportState = 'running' | 'done' | 'failed' | 'cancelled';

/** What re-anchoring the notes of a document did after a newer edition replaced it. */
export interface DocumentReanchorReport {
  checked: number;
  unchanged: number;
  moved: number;
  orphaned: number;
  recovered: number;
  /** Ids of the annotations whose passage is not in the new edition (kept, with their quote). */
  orphanIds: string[];
  /**
   * The kept backup of user.sqlite taken before the notes moved (null: the document had
   * none): restoring it brings back the old edition, whose file is kept while it exists.
   */
  backup: BackupEntry | null;
}

/**
 * A document of the library with the title of the text being imported: the import waits
 * (phase 'choose') for the reader to say whether the text is a newer edition of it.
 */
export interface DocumentImportChoice {
  documentId: string;
  title: string;
  edition: number;
  /** Its live notes and bookmarks (what a newer edition keeps, re-anchored). */
  notes: number;
  removed: boolean;
}

/** An import running off the request path (importDocument), as importDocumentStatus tells it. */
export interface DocumentImportStatus {
  jobId: string;
  /** The file's name. */
  name: string;
  state: DocumentImportState;
  /** The importer's phase: read, parse, pages, structure, index, write, done ('queued' before). */
  phase: string;
  /** Units done and total in this phase (pages while reading a PDF's pages). */
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  /** The reader asked to cancel (state turns 'cancelled' once the worker stopped). */
  cancelling: boolean;
  /** Set while the import waits for the reader (phase 'choose'): chooseDocumentImport answers. */
  choice: DocumentImportChoice | null;
  /** Set when done: the document as the library lists it. */
  document: LibraryDocument | null;
  /** The import replaced an earlier edition of this document (its notes re-anchored). */
  replaced: boolean;
  reanchored: DocumentReanchorReport | null;
  /** One-line notes of the importer (e.g. pages with no text). */
  warnings: string[];
  /** Set when failed or cancelled: the importer's code and one line naming the file. */
  error: { code: string; message: string } | null;
}

/**
 * One document's part of a library-wide search: its SearchResponse without the
 * whole-document hit list (a search narrowed to the document, `search` with its
 * documentId, gives that list for next/previous hit).
 */
export interface LibrarySearchGroup {
  documentId: string;
  title: string;
  bundled: boolean;
  /** Text sections in the search's order (at most `limit`), then hits in the document's notes. */
  results: SearchResultItem[];
  /** Text hits in the whole document. */
  totalHits: number;
  /** Sections of the document with a hit (more than `results` shows when past `limit`). */
  totalSections: number;
}

/** A search across the library (or some of its documents), grouped by document. */
export interface LibrarySearchResponse {
  query: string;
  /** The order of each group's text rows. */
  order: SearchOrder;
  /** The terms the query was read as (as in SearchResponse). */
  terms: string[];
  /** Documents with hits: the one with a title hit, then the best score, first. */
  groups: LibrarySearchGroup[];
  /** Documents searched (with or without hits). */
  searched: number;
  /** Text hits in all the documents searched. */
  totalHits: number;
  /** Documents that could not be searched (removed, no index, damaged), each with one line. */
  unavailable: { documentId: string; message: string }[];
}

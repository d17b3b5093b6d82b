// Migration 9: the library of imported documents. Each document the reader imports
// is a content database of its own in the user-data folder's library/ (written
// atomically by the importer); this table is the list of them, with the file's
// name, the original file's hash and the title, publisher and year the reader may
// edit (citations use them). A removed document keeps its row (removed_at set) so
// that its notes — which stay, keyed by document id — can still be listed and
// exported, and a later import of the same document takes them back.
// Bookmarks and annotations gain their document: '' is the bundled chapter (every
// existing note), otherwise a library_documents id; one live section bookmark per
// section, and one position bookmark per position, *of a document*. library_positions is each imported document's reading position
// (the bundled chapter keeps reading_position).
import type { Migration } from './types';

export const migration009: Migration = {
  version: 9,
  name: 'library-documents',
  up(db) {
    db.exec(`
      CREATE TABLE library_documents (
        id TEXT PRIMARY KEY NOT NULL,
        file TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        publisher TEXT NOT NULL DEFAULT '' CHECK (length(publisher) <= 200),
        year TEXT NOT NULL DEFAULT '' CHECK (length(year) <= 20),
        format TEXT NOT NULL CHECK (format IN ('pdf', 'html', 'epub', 'text', 'markdown')),
        source_name TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        source_bytes INTEGER NOT NULL CHECK (source_bytes >= 0),
        pages INTEGER,
        sections INTEGER NOT NULL,
        paragraphs INTEGER NOT NULL,
        writing_mode TEXT NOT NULL CHECK (writing_mode IN ('horizontal', 'vertical')),
        edition INTEGER NOT NULL DEFAULT 1 CHECK (edition >= 1),
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX library_documents_file ON library_documents (file);
      CREATE INDEX library_documents_sha ON library_documents (source_sha256);
      CREATE TABLE library_positions (
        document_id TEXT PRIMARY KEY NOT NULL REFERENCES library_documents (id),
        section_id TEXT NOT NULL,
        scroll REAL NOT NULL CHECK (scroll >= 0 AND scroll <= 1),
        updated_at TEXT NOT NULL
      ) STRICT;
      ALTER TABLE annotations ADD COLUMN document_id TEXT NOT NULL DEFAULT '';
      CREATE INDEX annotations_document ON annotations (document_id) WHERE deleted_at IS NULL;
      ALTER TABLE bookmarks ADD COLUMN document_id TEXT NOT NULL DEFAULT '';
      DROP INDEX bookmarks_live_section;
      CREATE UNIQUE INDEX bookmarks_live_section ON bookmarks (document_id, section_id)
        WHERE deleted_at IS NULL AND paragraph_id IS NULL;
      DROP INDEX bookmarks_live_position;
      CREATE UNIQUE INDEX bookmarks_live_position ON bookmarks (document_id, paragraph_id, char_offset)
        WHERE deleted_at IS NULL AND paragraph_id IS NOT NULL;
    `);
  },
};

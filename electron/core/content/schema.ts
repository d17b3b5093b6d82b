// The content database's schema, shared by the builder (ingest/build.ts) and the
// read-only store (./store.ts). Bump SCHEMA_VERSION on any change: a store refuses
// a database of another version, and ensureContentDb rebuilds it.
// 2: artifacts.body is a BLOB (the binary search index) or TEXT.
export const SCHEMA_VERSION = 2;

/** PRAGMA application_id of a Hakusho content database ("HKSC"). */
export const CONTENT_APPLICATION_ID = 0x484b5343;

export const CONTENT_SCHEMA_SQL = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  title_en TEXT,
  publisher TEXT NOT NULL,
  publisher_en TEXT,
  edition TEXT NOT NULL,
  edition_en TEXT,
  attribution TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  source_encoding TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sections (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  parent_id TEXT REFERENCES sections(id),
  level INTEGER NOT NULL CHECK (level >= 1),
  ordinal INTEGER NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('chapter', 'part', 'topic', 'dated')),
  title TEXT NOT NULL,
  editorial INTEGER NOT NULL CHECK (editorial IN (0, 1)),
  source_line INTEGER
) WITHOUT ROWID;

CREATE TABLE paragraphs (
  id TEXT PRIMARY KEY,
  section_id TEXT NOT NULL REFERENCES sections(id),
  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),
  text TEXT NOT NULL,
  source_first_line INTEGER NOT NULL,
  source_last_line INTEGER NOT NULL,
  UNIQUE (section_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE artifacts (
  name TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  body BLOB NOT NULL
) WITHOUT ROWID;
`;

/** Keys of the meta table. */
export const META = {
  schemaVersion: 'schema_version',
  builderVersion: 'builder_version',
  documentId: 'document_id',
  sourceFile: 'source_file',
  sourceSha256: 'source_sha256',
  metadataSha256: 'metadata_sha256',
  curationFile: 'curation_file',
  curationSha256: 'curation_sha256',
  /** JSON object {artifactName: version}, keys sorted. */
  artifactVersions: 'artifact_versions',
  /**
   * JSON object {artifactName: sha256 of its body}, keys sorted: written with the
   * artifacts, verified whenever one is read (a damaged byte is never searched).
   */
  artifactSha256: 'artifact_sha256',
  sectionCount: 'section_count',
  paragraphCount: 'paragraph_count',
} as const;

/**
 * Optional tables of an imported document (PDF, HTML, EPUB, text). Additive: a
 * database without them is still of SCHEMA_VERSION (the bundled chapter has none, so
 * it builds byte-identically), and a reader that does not know them shows the same
 * sections and paragraphs. Created only by the importer (electron/core/import).
 *
 * page_markers: where each printed page begins, so a citation can say "p. 12". Every
 *   paragraph of a paged source has a row at offset 0 (the page it starts on) and one
 *   per page break inside it; offset is in UTF-16 code units of the display text.
 *   page_index is the physical page (1-based), label what is printed on it ("12",
 *   "iv"; the physical number when nothing is printed).
 * paragraph_roles: paragraphs that are not body text — footnotes and figure/table
 *   captions — kept in reading order after the paragraph they interrupted, so search
 *   finds them, but shown apart. A paragraph without a row is body text.
 */
export const IMPORT_SCHEMA_SQL = `
CREATE TABLE page_markers (
  paragraph_id TEXT NOT NULL REFERENCES paragraphs(id),
  offset INTEGER NOT NULL CHECK (offset >= 0),
  page_index INTEGER NOT NULL CHECK (page_index >= 1),
  label TEXT NOT NULL,
  PRIMARY KEY (paragraph_id, offset)
) WITHOUT ROWID;

CREATE TABLE paragraph_roles (
  paragraph_id TEXT PRIMARY KEY REFERENCES paragraphs(id),
  role TEXT NOT NULL CHECK (role IN ('footnote', 'caption'))
) WITHOUT ROWID;
`;

/** Meta keys an imported document adds (all optional for the bundled chapter). */
export const IMPORT_META = {
  /** 'pdf' | 'html' | 'epub' | 'text' | 'markdown'. */
  sourceFormat: 'source_format',
  /** The importer's version (electron/core/import/version.ts): re-import when it changes. */
  importerVersion: 'importer_version',
  /** 'horizontal' | 'vertical': the document's own default direction (vertical EPUBs). */
  writingMode: 'writing_mode',
  /** Physical pages of a paged source. */
  pageCount: 'page_count',
  /** JSON array of one-line notes about the import (e.g. pages without text). */
  warnings: 'import_warnings',
} as const;

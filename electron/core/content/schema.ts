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
  sectionCount: 'section_count',
  paragraphCount: 'paragraph_count',
} as const;

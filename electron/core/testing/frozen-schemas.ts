// Test support for migrations: the user.sqlite schemas older versions wrote, frozen
// as they were (never regenerate them from the current migrations: a migration is
// tested against what its predecessors really left behind). Each version is the one
// before it plus what its migration added; tests add their own data.

/** Version 3: migrations 1–3 (preferences, reading position, bookmarks, annotations). */
export const V3_SCHEMA = `
  CREATE TABLE prefs (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
  CREATE TABLE reading_position (
    id INTEGER PRIMARY KEY CHECK (id = 1), section_id TEXT NOT NULL,
    scroll REAL NOT NULL CHECK (scroll >= 0 AND scroll <= 1), updated_at TEXT NOT NULL) STRICT;
  CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
  INSERT INTO meta (key, value) VALUES ('change_seq', '12');
  CREATE TABLE bookmarks (
    id TEXT PRIMARY KEY NOT NULL, section_id TEXT NOT NULL, label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT) STRICT;
  CREATE UNIQUE INDEX bookmarks_live_section ON bookmarks (section_id) WHERE deleted_at IS NULL;
  CREATE TABLE annotations (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('highlight', 'section-note')),
    section_id TEXT NOT NULL,
    color TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
    target TEXT CHECK (target IS NULL OR json_valid(target)),
    anchor TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor IN ('anchored', 'orphan')),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    CHECK ((kind = 'highlight') = (target IS NOT NULL))) STRICT;
  CREATE INDEX annotations_section ON annotations (section_id) WHERE deleted_at IS NULL;
  CREATE TABLE annotation_tags (
    annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    tag TEXT NOT NULL, PRIMARY KEY (annotation_id, tag)) STRICT;
  CREATE INDEX annotation_tags_tag ON annotation_tags (tag);
`;

/** Version 4: bookmark positions (a paragraph and an offset). */
export const V4_SCHEMA =
  V3_SCHEMA +
  `
  ALTER TABLE bookmarks ADD COLUMN paragraph_id TEXT;
  ALTER TABLE bookmarks ADD COLUMN char_offset INTEGER
    CHECK ((char_offset IS NULL) = (paragraph_id IS NULL) AND (char_offset IS NULL OR char_offset >= 0));
  DROP INDEX bookmarks_live_section;
  CREATE UNIQUE INDEX bookmarks_live_section ON bookmarks (section_id)
    WHERE deleted_at IS NULL AND paragraph_id IS NULL;
  CREATE UNIQUE INDEX bookmarks_live_position ON bookmarks (paragraph_id, char_offset)
    WHERE deleted_at IS NULL AND paragraph_id IS NOT NULL;
`;

/** Version 8: annotation groups, the anchor cache, import conflicts, the notes counter. */
export const V8_SCHEMA =
  V4_SCHEMA +
  `
  ALTER TABLE annotations ADD COLUMN group_id TEXT;
  CREATE INDEX annotations_group ON annotations (group_id) WHERE group_id IS NOT NULL;
  ALTER TABLE annotations ADD COLUMN anchored_to TEXT;
  CREATE INDEX annotations_anchored_to ON annotations (anchored_to) WHERE deleted_at IS NULL;
  ALTER TABLE annotations ADD COLUMN conflict_of TEXT;
  CREATE INDEX annotations_conflict_of ON annotations (conflict_of) WHERE conflict_of IS NOT NULL;
  INSERT INTO meta (key, value) VALUES ('notes_seq', '0');
`;

// Migration 3: annotations (highlights and section notes) stored after the W3C
// Web Annotation model: the target keeps the TextQuoteSelector (exact, prefix,
// suffix), the TextPositionSelector (UTF-16 offsets into the section text) and the
// paragraph range as JSON, so that a content update can re-anchor it. Tags are
// rows of their own for filtering. Deletion is soft, for undo.
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'annotations',
  up(db) {
    db.exec(`
      CREATE TABLE annotations (
        id TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('highlight', 'section-note')),
        section_id TEXT NOT NULL,
        color TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
        target TEXT CHECK (target IS NULL OR json_valid(target)),
        anchor TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor IN ('anchored', 'orphan')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        CHECK ((kind = 'highlight') = (target IS NOT NULL))
      ) STRICT;
      CREATE INDEX annotations_section ON annotations (section_id) WHERE deleted_at IS NULL;
      CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (annotation_id, tag)
      ) STRICT;
      CREATE INDEX annotation_tags_tag ON annotation_tags (tag);
    `);
  },
};

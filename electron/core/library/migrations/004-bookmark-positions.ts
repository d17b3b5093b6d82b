// Migration 4: a bookmark may remember a position — a paragraph and a UTF-16
// offset into its display text — not only a section. Both columns are null for a
// bookmark of the whole section, which is what every existing bookmark stays. A
// section keeps at most one live section bookmark; position bookmarks are any
// number, one per position.
import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: 'bookmark-positions',
  up(db) {
    db.exec(`
      ALTER TABLE bookmarks ADD COLUMN paragraph_id TEXT;
      ALTER TABLE bookmarks ADD COLUMN char_offset INTEGER
        CHECK ((char_offset IS NULL) = (paragraph_id IS NULL) AND (char_offset IS NULL OR char_offset >= 0));
      DROP INDEX bookmarks_live_section;
      CREATE UNIQUE INDEX bookmarks_live_section ON bookmarks (section_id)
        WHERE deleted_at IS NULL AND paragraph_id IS NULL;
      CREATE UNIQUE INDEX bookmarks_live_position ON bookmarks (paragraph_id, char_offset)
        WHERE deleted_at IS NULL AND paragraph_id IS NOT NULL;
    `);
  },
};

// Migration 2: bookmarks. A deleted bookmark is kept (deleted_at set) so that
// "delete" can be undone; at most one live bookmark per section.
import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'bookmarks',
  up(db) {
    db.exec(`
      CREATE TABLE bookmarks (
        id TEXT PRIMARY KEY NOT NULL,
        section_id TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX bookmarks_live_section ON bookmarks (section_id) WHERE deleted_at IS NULL;
    `);
  },
};

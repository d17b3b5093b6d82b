// Migration 1: reader preferences and the reading position, plus the change
// counter that lets backups skip a database that has not changed.
import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'prefs',
  up(db) {
    db.exec(`
      CREATE TABLE prefs (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE reading_position (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        section_id TEXT NOT NULL,
        scroll REAL NOT NULL CHECK (scroll >= 0 AND scroll <= 1),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO meta (key, value) VALUES ('change_seq', '0');
    `);
  },
};

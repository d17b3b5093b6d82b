// Migration 8: a second change counter, for the reader's bookmarks and notes only.
// Backups compare it to know whether they already hold the current notes: saving the
// reading position or a preference (which still bump change_seq, the counter that
// tells a stale -wal from the file's own state) no longer makes a backup necessary.
// It starts at 0; backups written before it have none, so the first change after the
// upgrade is backed up.
import type { Migration } from './types';

export const migration008: Migration = {
  version: 8,
  name: 'notes-counter',
  up(db) {
    db.exec("INSERT INTO meta (key, value) VALUES ('notes_seq', '0')");
  },
};

// Migration 7: import conflicts. An imported annotation whose id is already stored
// with other content never replaces the stored note: it is kept as a copy beside it,
// under an id of its own, marked with the id of the note it conflicts with, so the
// reader can compare the two and keep what they want.
import type { Migration } from './types';

export const migration007: Migration = {
  version: 7,
  name: 'import-conflicts',
  up(db) {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN conflict_of TEXT;
      CREATE INDEX annotations_conflict_of ON annotations (conflict_of) WHERE conflict_of IS NOT NULL;
    `);
  },
};

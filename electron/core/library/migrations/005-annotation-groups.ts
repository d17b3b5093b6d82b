// Migration 5: a passage selected across sections is stored as one highlight per
// section (each one drawable in its own section), linked by a shared group id; a
// change to one is made to the group in the same transaction. Existing
// annotations stand alone (group_id null).
import type { Migration } from './types';

export const migration005: Migration = {
  version: 5,
  name: 'annotation-groups',
  up(db) {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN group_id TEXT;
      CREATE INDEX annotations_group ON annotations (group_id) WHERE group_id IS NOT NULL;
    `);
  },
};

// Migration 6: where each annotation's anchor state was computed. Re-anchoring a
// highlight against the text is the one costly step of opening the reader; storing
// the digest of the content it was placed in lets start-up skip every annotation
// already placed (or orphaned) in this very text, so opening does not grow with the
// number of notes — and a content update re-anchors each of them once. NULL means
// "not yet placed in any known text" (every row written before this version).
import type { Migration } from './types';

export const migration006: Migration = {
  version: 6,
  name: 'anchor-cache',
  up(db) {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN anchored_to TEXT;
      CREATE INDEX annotations_anchored_to ON annotations (anchored_to) WHERE deleted_at IS NULL;
    `);
  },
};

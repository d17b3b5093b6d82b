// Migration 9 (the library of imported documents) migrates a frozen fixture of
// version 8: the SQL below is what migrations 1–8 wrote, with data (never regenerate
// it from the current code). Every existing note stays the bundled chapter's
// (document ''); bookmarks are unique per document, so the same section id in two
// documents can each have one.
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../library';
import { migrationFixtures } from '../../testing/migration-fixture';
import { V3_SCHEMA } from './004-bookmark-positions.test';

const V8_SCHEMA =
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
  ALTER TABLE annotations ADD COLUMN group_id TEXT;
  CREATE INDEX annotations_group ON annotations (group_id) WHERE group_id IS NOT NULL;
  ALTER TABLE annotations ADD COLUMN anchored_to TEXT;
  CREATE INDEX annotations_anchored_to ON annotations (anchored_to) WHERE deleted_at IS NULL;
  ALTER TABLE annotations ADD COLUMN conflict_of TEXT;
  CREATE INDEX annotations_conflict_of ON annotations (conflict_of) WHERE conflict_of IS NOT NULL;
  INSERT INTO meta (key, value) VALUES ('notes_seq', '0');
`;

const V8_DATA = `
  INSERT INTO bookmarks VALUES
    ('bm-1', 's1', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, NULL, NULL),
    ('bm-2', 's1', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 's1.p1', 3);
  INSERT INTO annotations VALUES
    ('an-1', 'section-note', 's1', 'blue', '節のメモ', NULL, 'anchored',
     '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL, NULL, NULL, NULL);
`;

const fixtures = migrationFixtures();
afterEach(() => fixtures.removeAll());

describe('migration 009: the library of imported documents', () => {
  it("keeps every note the bundled chapter's; bookmarks are unique per document", () => {
    const lib = openLibrary(fixtures.at(V8_SCHEMA + V8_DATA, 8), { autoBackup: false });
    try {
      expect(lib.bookmarks.list().map((b) => b.id)).toEqual(['bm-1', 'bm-2']);
      expect(lib.annotations.list().map((a) => a.note)).toEqual(['節のメモ']);
      const doc = lib.forDocument('doc-0123456789abcdef');
      // The imported document sees none of them…
      expect(doc.bookmarks.list()).toEqual([]);
      expect(doc.annotations.list()).toEqual([]);
      // …and may bookmark its own section s1 and position s1.p1+3, which the chapter has too.
      const own = doc.bookmarks.add('s1');
      const at = doc.bookmarks.add('s1', '', { paragraphId: 's1.p1', offset: 3 });
      expect(
        doc.bookmarks
          .list()
          .map((b) => b.id)
          .sort(),
      ).toEqual([own.id, at.id].sort());
      expect(() => doc.bookmarks.add('s1')).toThrow(/already bookmarked/);
      expect(() => lib.bookmarks.add('s1')).toThrow(/already bookmarked/);
      expect(lib.bookmarks.list().map((b) => b.id)).toEqual(['bm-1', 'bm-2']);
      expect(lib.db.prepare('SELECT count(*) AS n FROM library_documents').get()).toEqual({ n: 0 });
    } finally {
      lib.close();
    }
  });
});

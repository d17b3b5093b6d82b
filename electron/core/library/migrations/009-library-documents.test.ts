// Migration 9 (the library of imported documents) migrates a frozen fixture of
// version 8: the SQL below is what migrations 1–8 wrote, with data (never regenerate
// it from the current code). Every existing note stays the bundled chapter's
// (document ''); bookmarks are unique per document, so the same section id in two
// documents can each have one.
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../library';
import { migrationFixtures } from '../../testing/migration-fixture';
import { V8_SCHEMA } from '../../testing/frozen-schemas';

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

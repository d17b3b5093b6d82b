// Migration 5 (annotation groups) migrates a frozen fixture of version 4: the SQL
// below is what migrations 1–4 wrote, with data (never regenerate it from the
// current code). Every existing annotation stands alone (no group).
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../library';
import { migrationFixtures } from '../../testing/migration-fixture';
import { V4_SCHEMA } from '../../testing/frozen-schemas';

const TARGET = JSON.stringify({
  paragraphIds: ['s-us.p1'],
  quote: { exact: '米国経済', prefix: '', suffix: 'は' },
  position: { start: 0, end: 4 },
  startParagraphId: 's-us.p1',
  startOffset: 0,
  endParagraphId: 's-us.p1',
  endOffset: 4,
});

const V4_DATA = `
  INSERT INTO bookmarks VALUES
    ('bm-1', 's-us', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, 's-us.p1', 2);
  INSERT INTO annotations VALUES
    ('an-1', 'highlight', 's-us', 'pink', '注目', '${TARGET}', 'anchored',
     '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL),
    ('an-2', 'section-note', 's-sep', 'blue', '節のメモ', NULL, 'anchored',
     '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL);
  INSERT INTO annotation_tags VALUES ('an-1', '米国');
`;

const fixtures = migrationFixtures();
afterEach(() => fixtures.removeAll());
const fixture = (sql: string, version: number): string => fixtures.at(sql, version);

describe('migration 005: annotation groups', () => {
  it('keeps every annotation of a version-4 database on its own, and position bookmarks as they were', () => {
    const lib = openLibrary(fixture(V4_SCHEMA + V4_DATA, 4), { autoBackup: false });
    try {
      const [highlight, note] = lib.annotations.list();
      expect(highlight).toMatchObject({
        id: 'an-1',
        groupId: null,
        note: '注目',
        tags: ['米国'],
        target: JSON.parse(TARGET),
      });
      expect(note).toMatchObject({ id: 'an-2', groupId: null, kind: 'section-note' });
      expect(lib.bookmarks.get('bm-1')).toMatchObject({ paragraphId: 's-us.p1', offset: 2 });
      // A change to one that stands alone changes only that one.
      lib.annotations.update('an-1', { color: 'green' });
      expect(lib.annotations.get('an-2').color).toBe('blue');
      // New groups are stored after the migration.
      const { id, groupId, createdAt, updatedAt, ...draft } = highlight!;
      expect([id, groupId, createdAt < updatedAt]).toEqual(['an-1', null, false]);
      const members = lib.annotations.createGroup([draft, { ...draft, sectionId: 's-sep' }]);
      expect(members[0]!.groupId).toMatch(/^grp-/);
      expect(members[1]!.groupId).toBe(members[0]!.groupId);
    } finally {
      lib.close();
    }
  });
});

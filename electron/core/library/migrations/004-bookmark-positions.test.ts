// Migration 4 (bookmark positions) migrates a frozen fixture of version 3: the SQL
// below is what migrations 1–3 wrote, with data (never regenerate it from the
// current code). Every existing bookmark becomes a bookmark of its whole section.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../library';
import { migrationFixtures } from '../../testing/migration-fixture';
import { applyMigrations } from './index';
import { V3_SCHEMA } from '../../testing/frozen-schemas';

const V3_DATA = `
  INSERT INTO prefs (key, value) VALUES ('theme', '"sepia"');
  INSERT INTO bookmarks VALUES
    ('bm-1', 's-us', '米国', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL),
    ('bm-2', 's-sep', '', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z');
  INSERT INTO annotations VALUES ('an-1', 'section-note', 's-us', 'blue', 'メモ', NULL, 'anchored',
    '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL);
`;

const fixtures = migrationFixtures();
afterEach(() => fixtures.removeAll());
const fixture = (sql: string, version: number): string => fixtures.at(sql, version);

describe('migration 004: bookmark positions', () => {
  it('turns every bookmark of a version-3 database into a section bookmark, deleted ones too', () => {
    const lib = openLibrary(fixture(V3_SCHEMA + V3_DATA, 3), { autoBackup: false });
    try {
      expect(lib.bookmarks.list()).toEqual([
        {
          id: 'bm-1',
          sectionId: 's-us',
          paragraphId: null,
          offset: null,
          label: '米国',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-02T00:00:00.000Z',
        },
      ]);
      expect(lib.getPrefs().theme).toBe('sepia');
      expect(lib.changeSeq()).toBe(12);
      // The deleted one comes back as a section bookmark (undo still works).
      expect(lib.bookmarks.restore('bm-2')).toMatchObject({ paragraphId: null, offset: null });
      // A section keeps one section bookmark, and takes any number of positions.
      expect(() => lib.bookmarks.add('s-us')).toThrow(/already bookmarked/);
      lib.bookmarks.add('s-us', '', { paragraphId: 's-us.p1', offset: 3 });
      lib.bookmarks.add('s-us', '', { paragraphId: 's-us.p1', offset: 4 });
      expect(() => lib.bookmarks.add('s-us', '', { paragraphId: 's-us.p1', offset: 3 })).toThrow(
        /already bookmarked/,
      );
      expect(lib.bookmarks.countsBySection()).toEqual(
        new Map([
          ['s-us', 3],
          ['s-sep', 1],
        ]),
      );
    } finally {
      lib.close();
    }
  });

  it('the database refuses half a position and negative offsets', () => {
    const dir = fixture(V3_SCHEMA, 3);
    const db = new Database(path.join(dir, 'user.sqlite'));
    try {
      applyMigrations(db, 4);
      const insert = db.prepare(
        `INSERT INTO bookmarks (id, section_id, paragraph_id, char_offset, created_at, updated_at)
         VALUES (?, 's', ?, ?, 't', 't')`,
      );
      expect(() => insert.run('a', 's.p1', null)).toThrow(/CHECK/);
      expect(() => insert.run('b', null, 3)).toThrow(/CHECK/);
      expect(() => insert.run('c', 's.p1', -1)).toThrow(/CHECK/);
      insert.run('d', 's.p1', 0);
      insert.run('e', null, null);
      expect(() => insert.run('f', 's.p1', 0)).toThrow(/UNIQUE/);
      expect(() => insert.run('g', null, null)).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});

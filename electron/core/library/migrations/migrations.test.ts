// Each migration migrates a frozen fixture of the version before it (the SQL below
// is what that version wrote; never regenerate it from the current code).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../library';
import { removeDir, tempUserDataDir } from '../../testing/user-data';
import { applyMigrations, LATEST_VERSION, migrations } from './index';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

/** Writes a fixture database: `sql` run in one go, then user_version set. */
function fixture(sql: string, version: number): string {
  const dir = tempUserDataDir();
  dirs.push(dir);
  const db = new Database(path.join(dir, 'user.sqlite'));
  db.exec(sql);
  db.pragma(`user_version = ${version}`);
  db.close();
  return dir;
}

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(migrations.length);
  });

  it('001 migrates a version-0 database (an SQLite file the app never wrote to)', () => {
    const dir = fixture('CREATE TABLE unrelated (x); DROP TABLE unrelated;', 0);
    const lib = openLibrary(dir, { autoBackup: false });
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(lib.getPrefs().theme).toBe('system');
    lib.setPosition({ sectionId: 's1', scroll: 0.5 });
    expect(lib.getPosition()).toEqual({ sectionId: 's1', scroll: 0.5 });
    lib.close();
  });

  it('a failing migration leaves the database at the previous whole version', () => {
    const dir = fixture('SELECT 1;', 0);
    const db = new Database(path.join(dir, 'user.sqlite'));
    // Simulate a conflict the migration cannot handle: its table already exists.
    db.exec('CREATE TABLE meta (k TEXT)');
    expect(() => applyMigrations(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'prefs'").get(),
    ).toEqual({
      n: 0,
    });
    db.close();
    expect(fs.existsSync(path.join(dir, 'user.sqlite'))).toBe(true);
  });

  // Frozen schema of version 1 (as migration 001 wrote it), with data.
  const V1 = `
    CREATE TABLE prefs (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
    CREATE TABLE reading_position (
      id INTEGER PRIMARY KEY CHECK (id = 1), section_id TEXT NOT NULL,
      scroll REAL NOT NULL CHECK (scroll >= 0 AND scroll <= 1), updated_at TEXT NOT NULL) STRICT;
    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
    INSERT INTO meta (key, value) VALUES ('change_seq', '7');
    INSERT INTO prefs (key, value) VALUES ('theme', '"dark"'), ('fontSize', '24');
    INSERT INTO reading_position VALUES (1, 'sec-2', 0.75, '2026-01-01T00:00:00.000Z');
  `;
  // Frozen schema of version 2 (version 1 + bookmarks), with data.
  const V2 =
    V1 +
    `
    CREATE TABLE bookmarks (
      id TEXT PRIMARY KEY NOT NULL, section_id TEXT NOT NULL, label TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT) STRICT;
    CREATE UNIQUE INDEX bookmarks_live_section ON bookmarks (section_id) WHERE deleted_at IS NULL;
    INSERT INTO bookmarks VALUES ('bm-1', 'sec-2', 'ラベル', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL);
  `;

  it('002 migrates a version-1 database, keeping its preferences and position', () => {
    const lib = openLibrary(fixture(V1, 1), { autoBackup: false });
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(lib.getPrefs()).toMatchObject({ theme: 'dark', fontSize: 24 });
    expect(lib.getPosition()).toEqual({ sectionId: 'sec-2', scroll: 0.75 });
    expect(lib.changeSeq()).toBe(7);
    expect(lib.bookmarks.add('sec-2', 'new').label).toBe('new');
    lib.close();
  });

  it('003 migrates a version-2 database, keeping its bookmarks', () => {
    const lib = openLibrary(fixture(V2, 2), { autoBackup: false });
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(lib.bookmarks.list()).toEqual([
      {
        id: 'bm-1',
        sectionId: 'sec-2',
        paragraphId: null,
        offset: null,
        label: 'ラベル',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    const note = lib.annotations.create({
      kind: 'section-note',
      sectionId: 'sec-2',
      color: 'blue',
      note: 'after migration',
      tags: ['x'],
      target: null,
      anchor: 'anchored',
    });
    expect(lib.annotations.get(note.id).tags).toEqual(['x']);
    lib.close();
  });

  it('applying migrations step by step equals applying them at once', () => {
    const schemaOf = (db: Database.Database) =>
      db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    const a = fixture('SELECT 1;', 0);
    const b = fixture('SELECT 1;', 0);
    const stepwise = new Database(path.join(a, 'user.sqlite'));
    for (let v = 1; v <= LATEST_VERSION; v += 1) applyMigrations(stepwise, v);
    const once = new Database(path.join(b, 'user.sqlite'));
    applyMigrations(once);
    expect(schemaOf(stepwise)).toEqual(schemaOf(once));
    stepwise.close();
    once.close();
  });
});

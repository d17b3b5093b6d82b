// Each migration migrates a frozen fixture of the version before it (the SQL below
// is what that version wrote; never regenerate it from the current code).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../library';
import { removeDir, tempUserDataDir } from '../test-helpers';
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
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../common/api/contract';
import { NewerDatabaseError, openLibrary } from './library';
import { LATEST_VERSION } from './migrations/index';
import { DEFAULT_PREFS } from '../../common/rules/prefs';
import { removeDir, sha256File, tempUserDataDir } from '../testing/user-data';

const dirs: string[] = [];
function freshDir(): string {
  const dir = tempUserDataDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('openLibrary', () => {
  it('creates user.sqlite with WAL, synchronous=FULL, foreign keys and the latest schema', () => {
    const dir = freshDir();
    const lib = openLibrary(dir, { autoBackup: false });
    expect(lib.path).toBe(path.join(dir, 'user.sqlite'));
    expect(lib.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(lib.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(lib.startupNotices()).toEqual([]);
    lib.close();
  });

  it('gives the default preferences and no position on a new database', () => {
    const lib = openLibrary(freshDir(), { autoBackup: false });
    expect(lib.getPrefs()).toEqual(DEFAULT_PREFS);
    expect(lib.getPosition()).toBeNull();
    lib.close();
  });

  it('keeps preferences and the reading position across a reopen (committed before return)', () => {
    const dir = freshDir();
    const lib = openLibrary(dir, { autoBackup: false });
    expect(lib.setPrefs({ theme: 'sepia', fontSize: 22 })).toMatchObject({
      theme: 'sepia',
      fontSize: 22,
      writingMode: 'horizontal',
    });
    lib.setPrefs({ writingMode: 'vertical' });
    lib.setPosition({ sectionId: 'sec-3', scroll: 0.25 });
    // A second connection sees the writes while the first is still open: nothing waits for close().
    const other = new Database(lib.path, { readonly: true });
    expect(other.prepare('SELECT count(*) AS n FROM prefs').get()).toEqual({ n: 3 });
    other.close();
    lib.close();
    const again = openLibrary(dir, { autoBackup: false });
    expect(again.getPrefs()).toEqual({
      ...DEFAULT_PREFS,
      theme: 'sepia',
      fontSize: 22,
      writingMode: 'vertical',
    });
    expect(again.getPosition()).toEqual({ sectionId: 'sec-3', scroll: 0.25 });
    again.close();
  });

  it('keeps the reading-flow preferences across a reopen; a hand-edited bad one falls back alone', () => {
    const dir = freshDir();
    const lib = openLibrary(dir, { autoBackup: false });
    lib.setPrefs({ readingMode: 'paged', autospace: false, searchOrder: 'document' });
    lib.setPrefs({ fontSize: 24 });
    lib.close();
    const again = openLibrary(dir, { autoBackup: false });
    expect(again.getPrefs()).toEqual({
      ...DEFAULT_PREFS,
      readingMode: 'paged',
      autospace: false,
      searchOrder: 'document',
      fontSize: 24,
    });
    // Values outside the rules are refused, nothing changes.
    for (const patch of [{ readingMode: 'spread' }, { autospace: 'yes' }, { searchOrder: 'date' }])
      expect(() => again.setPrefs(patch as never)).toThrow(ApiError);
    again.close();
    const db = new Database(path.join(dir, 'user.sqlite'));
    db.prepare("UPDATE prefs SET value = '\"spread\"' WHERE key = 'readingMode'").run();
    db.close();
    const third = openLibrary(dir, { autoBackup: false });
    expect(third.getPrefs()).toMatchObject({
      readingMode: DEFAULT_PREFS.readingMode,
      autospace: false,
      searchOrder: 'document',
    });
    third.close();
  });

  it('refuses invalid preferences and positions without changing anything', () => {
    const lib = openLibrary(freshDir(), { autoBackup: false });
    const before = lib.changeSeq();
    const bad: unknown[] = [
      { theme: 'purple' },
      { fontSize: 1000 },
      { fontSize: 18.5 },
      { theme: 'dark', extra: 1 },
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: 'x' },
      null,
    ];
    for (const patch of bad) {
      expect(() => lib.setPrefs(patch as never)).toThrow(ApiError);
    }
    expect(() => lib.setPosition({ sectionId: '', scroll: 0 })).toThrow(ApiError);
    expect(() => lib.setPosition({ sectionId: 'a', scroll: 2 })).toThrow(ApiError);
    expect(() => lib.setPosition({ sectionId: 'a', scroll: Number.NaN })).toThrow(ApiError);
    expect(lib.changeSeq()).toBe(before);
    expect(lib.getPrefs()).toEqual(DEFAULT_PREFS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    lib.close();
  });

  it('ignores a stored preference that no longer validates', () => {
    const dir = freshDir();
    openLibrary(dir, { autoBackup: false }).close();
    const db = new Database(path.join(dir, 'user.sqlite'));
    db.prepare(
      "INSERT INTO prefs (key, value) VALUES ('theme', '\"neon\"'), ('fontSize', 'nope')",
    ).run();
    db.close();
    const lib = openLibrary(dir, { autoBackup: false });
    expect(lib.getPrefs()).toEqual(DEFAULT_PREFS);
    lib.close();
  });

  for (const mode of ['delete', 'wal'] as const) {
    it(`refuses a database from a newer app and leaves it byte-for-byte untouched (${mode} journal)`, () => {
      const dir = freshDir();
      const file = path.join(dir, 'user.sqlite');
      const future = new Database(file);
      future.pragma(`journal_mode = ${mode}`);
      future.exec(
        "CREATE TABLE future_things (x TEXT); INSERT INTO future_things VALUES ('keep me');",
      );
      future.pragma(`user_version = ${LATEST_VERSION + 1}`);
      future.close();
      const before = sha256File(file);
      const sizeBefore = fs.statSync(file).size;
      let error: unknown;
      try {
        openLibrary(dir, { autoBackup: false });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(NewerDatabaseError);
      expect((error as NewerDatabaseError).code).toBe('unavailable');
      expect((error as Error).message).toMatch(/newer Hakusho Reader/);
      expect(sha256File(file)).toBe(before);
      expect(fs.statSync(file).size).toBe(sizeBefore);
      expect(fs.existsSync(path.join(dir, 'damaged'))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    });
  }
});

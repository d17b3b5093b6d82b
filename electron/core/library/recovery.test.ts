import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAMAGE_KINDS } from '../../common/api/notices';
import { listBackups } from './backups';
import { openLibrary, type OpenLibraryOptions, type SqliteLibrary } from './library';
import { removeDir, sha256File, tempUserDataDir } from '../testing/user-data';
import { integrityCheck } from './user-db';

const dirs: string[] = [];
const libs: SqliteLibrary[] = [];
afterEach(() => {
  for (const lib of libs.splice(0)) lib.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});
function open(dir: string, options: OpenLibraryOptions = {}): SqliteLibrary {
  const lib = openLibrary(dir, { autoBackup: false, ...options });
  libs.push(lib);
  return lib;
}
function newDir(): string {
  const dir = tempUserDataDir();
  dirs.push(dir);
  return dir;
}
function close(lib: SqliteLibrary): void {
  lib.close();
  libs.splice(libs.indexOf(lib), 1);
}

/** A profile with a bookmark, a section note and a verified backup of that state. */
async function profileWithBackup(): Promise<string> {
  const dir = newDir();
  const lib = open(dir);
  lib.bookmarks.add('s-us', '保存済み');
  lib.annotations.create({
    kind: 'section-note',
    sectionId: 's-us',
    color: 'yellow',
    note: 'バックアップに残るメモ',
    tags: [],
    target: null,
    anchor: 'anchored',
  });
  await lib.backupNow('manual');
  close(lib);
  return dir;
}

describe('backups', () => {
  it('are taken on start when the notes changed, verified and self-contained', async () => {
    const dir = newDir();
    const first = open(dir, { autoBackup: true });
    await first.idle();
    first.bookmarks.add('s-us', '起動時に残る');
    first.setPrefs({ theme: 'dark' });
    close(first);
    const second = open(dir, { autoBackup: true });
    await second.idle();
    const backups = listBackups(dir);
    expect(backups.map((b) => b.reason)).toContain('start');
    const newest = backups[0] as (typeof backups)[0];
    expect(integrityCheck(newest.path)).toBe('ok');
    const copy = new Database(newest.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT label FROM bookmarks').get()).toEqual({ label: '起動時に残る' });
    expect(copy.prepare("SELECT value FROM prefs WHERE key = 'theme'").get()).toEqual({
      value: '"dark"',
    });
    copy.close();
    expect(fs.readdirSync(path.join(dir, 'backups')).every((f) => f.endsWith('.sqlite'))).toBe(
      true,
    );
    // Unchanged since the last backup: the next start adds none.
    close(second);
    const count = listBackups(dir).length;
    await open(dir, { autoBackup: true }).idle();
    expect(listBackups(dir)).toHaveLength(count);
  });

  it('are taken after a burst of changes and after a quiet period', async () => {
    const dir = newDir();
    const lib = open(dir, { autoBackup: true, backupBurst: 5, backupQuietMs: 10 });
    await lib.idle();
    const before = listBackups(dir).length;
    for (let i = 0; i < 5; i += 1) lib.bookmarks.add(`s-${i}`, `しおり${i}`);
    await lib.idle();
    expect(listBackups(dir).length).toBe(before + 1);
    lib.bookmarks.add('s-quiet', '静かな後');
    // The quiet-period timer fires on its own (no further writes); wait for it, bounded.
    for (let i = 0; i < 200 && listBackups(dir).length < before + 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      await lib.idle();
    }
    expect(listBackups(dir).length).toBe(before + 2);
    expect(listBackups(dir)[0]?.reason).toBe('auto');
  });

  it('are never triggered by saving the reading position or a preference, however often', async () => {
    const dir = newDir();
    const lib = open(dir, { autoBackup: true, backupBurst: 5, backupQuietMs: 10 });
    lib.bookmarks.add('s-us', '一つ');
    await lib.backupNow('manual');
    await lib.idle();
    const before = listBackups(dir).map((b) => b.name);
    for (let i = 0; i < 60; i += 1) {
      lib.setPosition({ sectionId: 's-us', scroll: i / 100 });
      lib.setPrefs({ fontSize: 12 + (i % 10) });
    }
    // Longer than the quiet period: no timer was even armed.
    await new Promise((resolve) => setTimeout(resolve, 60));
    await lib.idle();
    expect(listBackups(dir).map((b) => b.name)).toEqual(before);
    close(lib);
    // Nor at the next start: the notes are what the newest backup holds.
    await open(dir, { autoBackup: true }).idle();
    expect(listBackups(dir).map((b) => b.name)).toEqual(before);
  });

  it('keep manual backups until the reader deletes them', async () => {
    const dir = newDir();
    let t = Date.parse('2026-03-01T00:00:00Z');
    const lib = open(dir, { now: () => new Date((t += 1000)) });
    const names: string[] = [];
    for (let i = 0; i < 13; i += 1) {
      lib.bookmarks.add(`s-${i}`, `${i}`);
      names.push((await lib.backupNow('manual')).name);
    }
    expect(listBackups(dir).map((b) => b.name)).toEqual([...names].reverse());
    expect(listBackups(dir).every((b) => b.kept)).toBe(true);
    const deleted = await lib.deleteBackup(names[0] as string);
    expect(deleted.name).toBe(names[0]);
    expect(listBackups(dir).map((b) => b.name)).toEqual(names.slice(1).reverse());
    await expect(lib.deleteBackup('../user.sqlite')).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(lib.deleteBackup(names[0] as string)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('restore <name> brings back that state and first saves the current one', async () => {
    const dir = await profileWithBackup();
    const lib = open(dir);
    const [backup] = lib.listBackups();
    lib.bookmarks.delete((lib.bookmarks.list()[0] as { id: string }).id);
    lib.setPrefs({ theme: 'sepia' });
    await lib.restoreBackup((backup as { name: string }).name);
    expect(lib.bookmarks.list().map((b) => b.label)).toEqual(['保存済み']);
    expect(lib.getPrefs().theme).toBe('system');
    const preRestore = lib.listBackups().find((b) => b.reason === 'pre-restore');
    expect(preRestore).toBeDefined();
    // The restore itself can be undone.
    await lib.restoreBackup((preRestore as { name: string }).name);
    expect(lib.getPrefs().theme).toBe('sepia');
    expect(lib.bookmarks.list()).toEqual([]);
    await expect(lib.restoreBackup('../user.sqlite')).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(lib.restoreBackup('user-20000101T000000000Z-manual.sqlite')).rejects.toMatchObject(
      {
        code: 'not_found',
      },
    );
  });

  it('refuses a damaged backup (invalid_input) and changes nothing', async () => {
    const dir = await profileWithBackup();
    const lib = open(dir);
    const [backup] = lib.listBackups();
    const file = (backup as { path: string }).path;
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 100, bytes.length);
    fs.writeFileSync(file, bytes);
    lib.setPrefs({ theme: 'dark' });
    await expect(lib.restoreBackup((backup as { name: string }).name)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(lib.getPrefs().theme).toBe('dark');
    expect(lib.listBackups()).toHaveLength(1);
  });

  it('a restore that fails to put the file in place keeps the current database open and as it was', async () => {
    const dir = await profileWithBackup();
    const lib = open(dir);
    const [backup] = lib.listBackups();
    lib.setPrefs({ theme: 'dark' });
    const rename = fs.renameSync.bind(fs);
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to) === lib.path)
        throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
      rename(from, to);
    });
    await expect(lib.restoreBackup((backup as { name: string }).name)).rejects.toThrow('EIO');
    vi.restoreAllMocks();
    expect(lib.getPrefs().theme).toBe('dark');
    expect(lib.bookmarks.list().map((b) => b.label)).toEqual(['保存済み']);
    lib.setPrefs({ theme: 'sepia' });
    expect(fs.readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('a backup that cannot be renamed into place is not listed and leaves no temporary file', async () => {
    const dir = newDir();
    const lib = open(dir);
    lib.setPrefs({ theme: 'dark' });
    vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
    });
    await expect(lib.backupNow('manual')).rejects.toThrow('ENOSPC');
    vi.restoreAllMocks();
    expect(lib.listBackups()).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
    expect((await lib.backupNow('manual')).reason).toBe('manual');
  });
});

type Damage = (file: string) => void;
const damages: [string, Damage][] = [
  ['zero-length', (file) => fs.writeFileSync(file, '')],
  ['truncated', (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2) + 100)],
  [
    'garbage header',
    (file) => {
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.from('this is not a database header!!!'), 0, 32, 0);
      fs.closeSync(fd);
    },
  ],
  [
    'garbage pages',
    (file) => {
      const bytes = fs.readFileSync(file);
      bytes.fill(0x5a, 4096, bytes.length);
      fs.writeFileSync(file, bytes);
    },
  ],
];

describe('a damaged user database', () => {
  for (const [name, damage] of damages) {
    it(`(${name}) is moved aside and the newest good backup restored, with a notice`, async () => {
      const dir = await profileWithBackup();
      // Make the file big enough that truncation cuts real pages.
      const grow = open(dir);
      for (let i = 0; i < 40; i += 1) grow.setPrefs({ fontSize: 12 + (i % 10) });
      grow.db.exec(
        'CREATE TABLE padding (x TEXT); INSERT INTO padding SELECT hex(randomblob(2000)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) SELECT i FROM n);',
      );
      close(grow);
      const file = path.join(dir, 'user.sqlite');
      damage(file);
      const damagedHash = sha256File(file);
      const lib = open(dir);
      const [notice] = lib.startupNotices();
      expect(notice?.code).toBe('restored_from_backup');
      expect(notice?.message).toMatch(/damaged/);
      const moved = notice?.paths?.[0] as string;
      expect(moved.startsWith(path.join(dir, 'damaged'))).toBe(true);
      expect(sha256File(moved)).toBe(damagedHash); // moved, never deleted or changed
      // The facts a renderer words in the reader's language.
      const backup = listBackups(dir).find((b) => b.reason === 'manual');
      expect(notice?.params).toMatchObject({
        movedTo: moved,
        backupName: backup?.name,
        backupCreatedAt: backup?.createdAt,
      });
      const params = notice?.params as Record<string, string>;
      expect(DAMAGE_KINDS).toContain(params.damage);
      if (name === 'garbage header') expect(params.damage).toBe('bad_header');
      if (name === 'zero-length') expect(params.damage).toBe('empty');
      expect(params.detail?.length).toBeGreaterThan(0);
      expect(lib.bookmarks.list().map((b) => b.label)).toEqual(['保存済み']);
      expect(lib.annotations.list().map((a) => a.note)).toEqual(['バックアップに残るメモ']);
      expect(integrityCheck(lib.db)).toBe('ok');
      lib.setPrefs({ theme: 'dark' }); // and it works
    });
  }

  it('starts fresh with a notice when there is no backup', () => {
    const dir = newDir();
    const lib = open(dir);
    lib.setPrefs({ theme: 'dark' });
    close(lib);
    fs.writeFileSync(path.join(dir, 'user.sqlite'), 'garbage');
    const again = open(dir);
    const [notice] = again.startupNotices();
    expect(notice?.code).toBe('started_fresh');
    expect(fs.readFileSync(notice?.paths?.[0] as string, 'utf8')).toBe('garbage');
    expect(notice?.params).toMatchObject({ damage: 'bad_header', movedTo: notice?.paths?.[0] });
    expect(again.getPrefs().theme).toBe('system');
  });

  it('with a stale -wal from another database still opens sound, and loses nothing it can keep', async () => {
    const dir = await profileWithBackup();
    // Another database with the same page size, left with an uncheckpointed WAL.
    const otherDir = newDir();
    const other = new Database(path.join(otherDir, 'other.sqlite'));
    other.pragma('journal_mode = WAL');
    other.pragma('wal_autocheckpoint = 0');
    other.exec(
      'CREATE TABLE t (x TEXT); INSERT INTO t SELECT hex(randomblob(500)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT i FROM n);',
    );
    fs.copyFileSync(path.join(otherDir, 'other.sqlite-wal'), path.join(dir, 'user.sqlite-wal'));
    other.close();
    const lib = open(dir);
    expect(integrityCheck(lib.db)).toBe('ok');
    const notices = lib.startupNotices();
    expect(notices.map((n) => n.code)).toEqual(['stale_wal_moved']);
    const movedWal = notices[0]?.paths?.[0] as string;
    expect(movedWal.endsWith('.sqlite-wal')).toBe(true);
    expect(fs.existsSync(movedWal)).toBe(true);
    expect(notices[0]?.params).toMatchObject({ damage: 'foreign_wal', movedTo: movedWal });
    expect(lib.bookmarks.list().map((b) => b.label)).toEqual(['保存済み']);
    expect(lib.annotations.list().map((a) => a.note)).toEqual(['バックアップに残るメモ']);
  });

  it('with an older -wal of the same database (file copied back) keeps the newer database file', async () => {
    const dir = await profileWithBackup();
    const file = path.join(dir, 'user.sqlite');
    // Snapshot a WAL holding an early change, then let the database move on and checkpoint.
    const lib1 = new Database(file);
    lib1.pragma('wal_autocheckpoint = 0');
    lib1
      .prepare(
        "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'change_seq'",
      )
      .run();
    lib1.prepare("INSERT INTO prefs (key, value) VALUES ('theme', '\"dark\"')").run();
    const oldWal = fs.readFileSync(`${file}-wal`);
    lib1.close();
    const lib2 = open(dir);
    for (let i = 0; i < 5; i += 1)
      lib2.setPrefs({ theme: i % 2 ? 'sepia' : 'light', fontSize: 20 });
    close(lib2);
    fs.writeFileSync(`${file}-wal`, oldWal);
    const lib = open(dir);
    expect(integrityCheck(lib.db)).toBe('ok');
    expect(lib.getPrefs()).toMatchObject({ theme: 'light', fontSize: 20 });
    expect(lib.bookmarks.list().map((b) => b.label)).toEqual(['保存済み']);
  });

  it('with a garbage -wal opens with its data intact', async () => {
    const dir = await profileWithBackup();
    fs.writeFileSync(path.join(dir, 'user.sqlite-wal'), Buffer.alloc(8192, 0x42));
    const lib = open(dir);
    expect(integrityCheck(lib.db)).toBe('ok');
    expect(lib.bookmarks.list().map((b) => b.label)).toEqual(['保存済み']);
  });
});

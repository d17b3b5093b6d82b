// A sound notes database is never rolled back: fault injection on real SQLite files.
// Contention (another process holding a lock, for longer than the reader waits) is
// reported as "in use", never as damage; a foreign or garbage -wal is set aside and
// the database kept; another program's SQLite file at user.sqlite is moved aside
// untouched; a read-only user.sqlite or folder (made truly read-only for this root
// process with chattr +i) opens read-only — notes listed, every change refused with
// `unavailable`, the file byte-identical.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../common/api/contract';
import { memoryReaderCore } from '../testing/memory-core';
import { memoryContentStore, sliceSections } from '../testing/content-store';
import { caller, handlersOver } from '../testing/handlers';
import { makeImmutable, releaseImmutable } from '../testing/read-only';
import { removeDir, sha256File, tempUserDataDir } from '../testing/user-data';
import { listBackups } from './backups';
import { DatabaseInUseError, openLibrary, type SqliteLibrary } from './library';
import { DAMAGED_DIR } from './recovery';

const dirs: string[] = [];
const libs: SqliteLibrary[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  releaseImmutable();
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const lib of libs.splice(0)) lib.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function newDir(): string {
  const dir = tempUserDataDir();
  dirs.push(dir);
  return dir;
}
function open(dir: string, busyWaitMs = 300): SqliteLibrary {
  const lib = openLibrary(dir, { autoBackup: false, busyWaitMs });
  libs.push(lib);
  return lib;
}
function close(lib: SqliteLibrary): void {
  lib.close();
  libs.splice(libs.indexOf(lib), 1);
}

/** A profile with one bookmark and one note, closed. */
function profile(): { dir: string; file: string } {
  const dir = newDir();
  const lib = open(dir);
  lib.bookmarks.add('s-us', '残すしおり');
  lib.annotations.create({
    kind: 'section-note',
    sectionId: 's-us',
    color: 'yellow',
    note: '残すメモ',
    tags: [],
    target: null,
    anchor: 'anchored',
  });
  close(lib);
  return { dir, file: path.join(dir, 'user.sqlite') };
}

/**
 * Another process holding user.sqlite: `exclusive` takes SQLite's exclusive lock
 * (readers are refused), `write` holds an open write transaction (readers go on).
 */
function holdLock(file: string, mode: 'exclusive' | 'write'): Promise<ChildProcess> {
  const script = `
    const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new Database(${JSON.stringify(file)});
    if (${JSON.stringify(mode)} === 'exclusive') {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      db.prepare('SELECT count(*) FROM meta').get();
    } else {
      db.exec('BEGIN IMMEDIATE');
      db.prepare("UPDATE meta SET value = value WHERE key = 'change_seq'").run();
    }
    process.stdout.write('held\\n');
    process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
  });
}

function release(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin?.write('release\n');
  });
}

const notesOf = (lib: SqliteLibrary) => lib.annotations.list().map((a) => a.note);

describe('contention is not damage', () => {
  it('a database another process holds locked is waited for, then reported in use — never moved aside', async () => {
    const { dir, file } = profile();
    const before = sha256File(file);
    const holder = await holdLock(file, 'exclusive');
    const started = Date.now();
    let error: unknown;
    try {
      open(dir, 300);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect((error as Error).message).toMatch(/in use by another process/);
    expect((error as Error).message).not.toMatch(/damaged/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250); // it waited (bounded)
    expect(fs.existsSync(path.join(dir, DAMAGED_DIR))).toBe(false);
    expect(listBackups(dir)).toEqual([]);

    // A host still opens: notes unavailable with that notice; nothing touched.
    const core = memoryReaderCore(dir, { library: { autoBackup: false, busyWaitMs: 200 } });
    try {
      const info = await invoke(core.handlers, 'getAppInfo', {});
      expect(info.notices.map((n) => n.code)).toEqual(['database_in_use']);
      expect(info.notesReadOnly).toBe(true);
      await expect(invoke(core.handlers, 'listAnnotations', {})).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/in use by another process/),
      });
    } finally {
      core.close();
    }
    await release(holder);
    expect(sha256File(file)).toBe(before);
    const lib = open(dir);
    expect(lib.startupNotices()).toEqual([]);
    expect(notesOf(lib)).toEqual(['残すメモ']);
  });

  it('a write while another process holds the write lock answers conflict (in use), not internal, and changes nothing', async () => {
    const { dir, file } = profile();
    const lib = open(dir, 200);
    const holder = await holdLock(file, 'write');
    const call = caller(handlersOver(lib, memoryContentStore(sliceSections())));
    // Reading goes on meanwhile (WAL).
    expect((await call('listAnnotations', {})).map((a) => a.note)).toEqual(['残すメモ']);
    await expect(
      call('addSectionNote', { sectionId: 's-may', note: '書けないメモ' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/in use by another process/),
    });
    await release(holder);
    expect(notesOf(lib)).toEqual(['残すメモ']);
    await call('addSectionNote', { sectionId: 's-may', note: '後で書けたメモ' });
    expect(notesOf(lib)).toEqual(['残すメモ', '後で書けたメモ']);
  });
});

describe('a -wal that is not the database’s', () => {
  const wals: [string, (dir: string, file: string) => void][] = [
    ['zero bytes', (_dir, file) => fs.writeFileSync(`${file}-wal`, Buffer.alloc(0))],
    ['garbage', (_dir, file) => fs.writeFileSync(`${file}-wal`, Buffer.alloc(32768, 0x5a))],
    [
      'a valid WAL of another database (frames over our pages)',
      (dir, file) => {
        const other = path.join(dir, '..', `${path.basename(dir)}-other.sqlite`);
        const db = new Database(other);
        db.pragma('journal_mode = WAL');
        db.pragma('wal_autocheckpoint = 0');
        db.exec(
          'CREATE TABLE t (x TEXT); INSERT INTO t SELECT hex(randomblob(900)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) SELECT i FROM n);',
        );
        fs.copyFileSync(`${other}-wal`, `${file}-wal`);
        db.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(other + suffix, { force: true });
      },
    ],
  ];
  for (const [name, plant] of wals) {
    it(`(${name}) is set aside and the database itself kept, with every note`, () => {
      const { dir, file } = profile();
      plant(dir, file);
      const lib = open(dir);
      expect(notesOf(lib)).toEqual(['残すメモ']);
      expect(lib.bookmarks.list().map((b) => b.label)).toEqual(['残すしおり']);
      // Whatever was moved aside, it was never the database file itself.
      const damaged = fs.existsSync(path.join(dir, DAMAGED_DIR))
        ? fs.readdirSync(path.join(dir, DAMAGED_DIR))
        : [];
      expect(damaged.filter((f) => f.endsWith('.sqlite'))).toEqual([]);
      expect(lib.startupNotices().map((n) => n.code)).not.toContain('restored_from_backup');
      expect(lib.startupNotices().map((n) => n.code)).not.toContain('started_fresh');
    });
  }
});

describe('another program’s SQLite file at user.sqlite', () => {
  const foreign: [string, (db: Database.Database) => void][] = [
    [
      'tables, no schema version',
      (db) => db.exec("CREATE TABLE thesis (chapter TEXT); INSERT INTO thesis VALUES ('第一章');"),
    ],
    [
      'a schema version of its own, none of our tables',
      (db) => {
        db.exec("CREATE TABLE settings (k TEXT, v TEXT); INSERT INTO settings VALUES ('a', 'b');");
        db.pragma('user_version = 2');
      },
    ],
    [
      'a meta table of another shape',
      (db) => {
        db.exec("CREATE TABLE meta (name TEXT, data BLOB); INSERT INTO meta VALUES ('x', x'00');");
        db.pragma('user_version = 1');
      },
    ],
  ];
  for (const [name, build] of foreign) {
    it(`(${name}) is moved aside untouched; the newest backup (or a fresh start) follows, with a notice`, async () => {
      const { dir, file } = profile();
      const lib = open(dir);
      const backup = await lib.backupNow('manual');
      close(lib);
      fs.rmSync(file);
      const db = new Database(file);
      build(db);
      db.close();
      const hash = sha256File(file);
      const again = open(dir);
      const [notice] = again.startupNotices();
      expect(notice?.code).toBe('foreign_database_moved');
      expect(notice?.params).toMatchObject({ backupName: backup.name });
      const moved = notice?.paths?.[0] as string;
      expect(path.dirname(moved)).toBe(path.join(dir, DAMAGED_DIR));
      expect(sha256File(moved)).toBe(hash); // never migrated, never changed
      expect(notesOf(again)).toEqual(['残すメモ']);
      expect(notice?.message).toMatch(/not Hakusho Reader’s/);
    });
  }

  it('without a backup starts fresh and says so', () => {
    const dir = newDir();
    const file = path.join(dir, 'user.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const lib = open(dir);
    const [notice] = lib.startupNotices();
    expect(notice).toMatchObject({ code: 'foreign_database_moved', params: { backupName: '' } });
    expect(notice?.message).toMatch(/new, empty database/);
    expect(notesOf(lib)).toEqual([]);
  });
});

describe('a read-only user.sqlite or folder (chattr +i: read-only even for root)', () => {
  for (const where of ['file', 'folder'] as const) {
    it(`(${where}) opens read-only: notes listed, every change refused with unavailable, the file unchanged`, async () => {
      const { dir, file } = profile();
      const before = sha256File(file);
      makeImmutable(where === 'file' ? file : dir);
      const lib = open(dir);
      expect(lib.readOnly?.where).toBe(where);
      expect(lib.startupNotices().map((n) => n.code)).toEqual(['database_read_only']);
      const call = caller(handlersOver(lib, memoryContentStore(sliceSections())));
      expect((await call('listAnnotations', {})).map((a) => a.note)).toEqual(['残すメモ']);
      expect((await call('listBookmarks', {})).map((b) => b.label)).toEqual(['残すしおり']);
      expect((await call('exportAnnotations', { format: 'w3c' })).body).toContain('残すメモ');
      const refusals = [
        call('addSectionNote', { sectionId: 's-may', note: 'x' }),
        call('toggleBookmark', { sectionId: 's-may' }),
        call('updateAnnotation', { id: lib.annotations.list()[0]!.id, note: 'y' }),
        call('deleteAnnotation', { id: lib.annotations.list()[0]!.id }),
        call('importAnnotations', { body: '{}' }),
        call('createBackup', {}),
        call('restoreBackup', { name: 'user-20260101T000000000Z-manual.sqlite' }),
      ];
      for (const refusal of refusals)
        await expect(refusal).rejects.toMatchObject({
          code: 'unavailable',
          message: expect.stringMatching(/read-only/),
        });
      // Settings last for the session.
      expect((await call('setPrefs', { theme: 'dark' })).theme).toBe('dark');
      expect(await call('getPrefs', {})).toMatchObject({ theme: 'dark' });
      close(lib);
      releaseImmutable();
      expect(sha256File(file)).toBe(before);
      // No backup, no damaged folder; at most SQLite's empty side files of a reader.
      const left = fs.readdirSync(dir).filter((f) => f !== 'user.sqlite');
      expect(left.every((f) => f === 'user.sqlite-wal' || f === 'user.sqlite-shm')).toBe(true);
      if (left.includes('user.sqlite-wal')) expect(fs.statSync(`${file}-wal`).size).toBe(0);
      expect(open(dir).getPrefs().theme).toBe('system');
    });
  }

  it('a host answers every write with 503-class unavailable, and says notes are read-only', async () => {
    const { dir } = profile();
    makeImmutable(dir);
    const core = memoryReaderCore(dir, { library: { autoBackup: false } });
    try {
      const info = await invoke(core.handlers, 'getAppInfo', {});
      expect(info.notesReadOnly).toBe(true);
      expect(info.notices.map((n) => n.code)).toEqual(['database_read_only']);
      await expect(
        invoke(core.handlers, 'addSectionNote', { sectionId: 's-us', note: 'x' }),
      ).rejects.toMatchObject({ code: 'unavailable' });
      expect((await invoke(core.handlers, 'listAnnotations', {})).length).toBe(1);
    } finally {
      core.close();
    }
  });
});

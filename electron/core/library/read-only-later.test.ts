// A notes database that becomes read-only while the reader is open (made immutable
// with chattr +i, which even root cannot write through): the write that fails is
// refused as `unavailable` (never a 500), the rest of the session is read-only, the
// reader is told with the same notice as a read-only start, and what was stored
// stays readable.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { memoryContentStore, sliceSections } from '../testing/content-store';
import { caller, handlersOver } from '../testing/handlers';
import { makeImmutable, releaseImmutable } from '../testing/read-only';
import { removeDir, tempUserDataDir } from '../testing/user-data';
import { openLibrary, type SqliteLibrary } from './library';

const dirs: string[] = [];
const libs: SqliteLibrary[] = [];
afterEach(() => {
  releaseImmutable();
  for (const lib of libs.splice(0)) lib.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

it('a write refused because user.sqlite became read-only makes the session read-only', async () => {
  const dir = tempUserDataDir();
  dirs.push(dir);
  const lib = openLibrary(dir, { autoBackup: false, busyWaitMs: 300 });
  libs.push(lib);
  const call = caller(handlersOver(lib, memoryContentStore(sliceSections())));
  await call('addSectionNote', { sectionId: 's-us', note: '先に保存したメモ' });
  expect(lib.notesReadOnly()).toBe(false);

  // The database and its journal (not the shared-memory index SQLite maps: a mapped
  // file that refuses writes ends the process, which no reader's disk does to it).
  const file = path.join(dir, 'user.sqlite');
  expect(fs.existsSync(`${file}-wal`)).toBe(true);
  makeImmutable(file, `${file}-wal`);

  await expect(
    call('addSectionNote', { sectionId: 's-us', note: '保存できないメモ' }),
  ).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/read-only/) });
  expect(lib.notesReadOnly()).toBe(true);
  const info = await call('getAppInfo', {});
  expect(info.notesReadOnly).toBe(true);
  expect(info.notices.map((n) => n.code)).toEqual(['database_read_only']);
  // Every later change is refused the same way, and reading goes on.
  await expect(call('toggleBookmark', { sectionId: 's-us' })).rejects.toMatchObject({
    code: 'unavailable',
  });
  expect((await call('listAnnotations', {})).map((a) => a.note)).toEqual(['先に保存したメモ']);
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../common/api/contract';
import { LATEST_VERSION } from './migrations/index';
import { sha256File } from '../testing/user-data';
import { memoryReaderCore } from '../testing/memory-core';
import { removeDir, tempUserDataDir } from '../testing/user-data';

describe('libraryOpeners', () => {
  it('plug into the reader core: notes methods answer through the contract', async () => {
    const dir = tempUserDataDir();
    const core = memoryReaderCore(dir);
    try {
      const note = await invoke(core.handlers, 'addSectionNote', {
        sectionId: 's-us',
        note: '検索できるメモ',
      });
      const { results: hits } = await invoke(core.handlers, 'search', { query: '検索できる' });
      expect(hits).toEqual([expect.objectContaining({ kind: 'note', annotationId: note.id })]);
      expect(fs.existsSync(`${dir}/user.sqlite`)).toBe(true);
    } finally {
      core.close();
      removeDir(dir);
    }
  });

  it('a database from a newer app is refused untouched and the reader still opens', async () => {
    const dir = tempUserDataDir();
    const file = path.join(dir, 'user.sqlite');
    const future = new Database(file);
    future.pragma('journal_mode = WAL');
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${LATEST_VERSION + 5}`);
    future.close();
    const before = sha256File(file);
    const core = memoryReaderCore(dir);
    try {
      expect((await invoke(core.handlers, 'getSection', { id: 's-us' })).id).toBe('s-us');
      const notices = await invoke(core.handlers, 'getNotices', {});
      expect(notices[0]).toMatchObject({
        code: 'database_too_new',
        paths: [file],
        params: { path: file, found: LATEST_VERSION + 5, supported: LATEST_VERSION },
      });
      expect((await invoke(core.handlers, 'setPrefs', { theme: 'dark' })).theme).toBe('dark');
      await expect(invoke(core.handlers, 'listAnnotations', {})).rejects.toMatchObject({
        code: 'unavailable',
      });
      expect((await invoke(core.handlers, 'search', { query: 'x' })).results).toEqual([]);
      expect(await invoke(core.handlers, 'listMarkedSections', {})).toEqual([]);
      await expect(
        invoke(core.handlers, 'addBookmark', { sectionId: 's-us', paragraphId: 's-us.p1' }),
      ).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      core.close();
    }
    expect(sha256File(file)).toBe(before);
    removeDir(dir);
  });

  it('existing profile only: without user.sqlite nothing is created; reads are empty, writes refused', async () => {
    const dir = tempUserDataDir();
    const options = {
      host: 'cli' as const,
      library: { existingOnly: true, autoBackup: false },
    };
    const absent = memoryReaderCore(dir, options);
    try {
      expect(absent.reanchored).toBeNull();
      expect((await invoke(absent.handlers, 'search', { query: 'メモ' })).results).toEqual([]);
      expect(await invoke(absent.handlers, 'listAnnotations', {})).toEqual([]);
      expect(await invoke(absent.handlers, 'listBookmarks', {})).toEqual([]);
      expect(await invoke(absent.handlers, 'listMarkedSections', {})).toEqual([]);
      await expect(
        invoke(absent.handlers, 'addBookmark', { sectionId: 's-us' }),
      ).rejects.toMatchObject({ code: 'unavailable' });
      expect(await invoke(absent.handlers, 'listBackups', {})).toEqual([]);
      const md = await invoke(absent.handlers, 'exportAnnotations', { format: 'md' });
      expect(md.body).toContain('を加工して作成');
      await expect(
        invoke(absent.handlers, 'addSectionNote', { sectionId: 's-us', note: 'x' }),
      ).rejects.toMatchObject({ code: 'unavailable' });
      await expect(invoke(absent.handlers, 'setPrefs', { theme: 'dark' })).rejects.toMatchObject({
        code: 'unavailable',
      });
    } finally {
      absent.close();
    }
    expect(fs.readdirSync(dir)).toEqual([]);

    // Once the profile exists, the same call opens it and finds its notes.
    const writer = memoryReaderCore(dir, { ...options, library: {} });
    await invoke(writer.handlers, 'addSectionNote', { sectionId: 's-us', note: '既存のメモ' });
    await writer.idle();
    writer.close();
    const reader = memoryReaderCore(dir, options);
    try {
      // Placed in this very content when it was written: nothing to place again.
      expect(reader.reanchored).toMatchObject({ checked: 0, pending: 0 });
      const found = await invoke(reader.handlers, 'search', { query: '既存' });
      expect(found.results.map((h) => h.kind)).toEqual(['note']);
    } finally {
      reader.close();
      removeDir(dir);
    }
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../common/api/contract';
import { openReaderCore, type CoreOpeners } from '../reader-core';
import { libraryOpeners } from './openers';
import type { SqliteLibrary } from './library';
import { fakeContentStore } from './test-content';
import { removeDir, tempUserDataDir } from './test-helpers';

describe('libraryOpeners', () => {
  it('plug into the reader core: notes methods answer through the contract', async () => {
    const dir = tempUserDataDir();
    const openers: CoreOpeners<SqliteLibrary> = {
      openContentStore: () => fakeContentStore(),
      createSearchService: () => ({ search: () => [] }),
      ...libraryOpeners,
    };
    const core = openReaderCore(openers as unknown as CoreOpeners, {
      contentDbPath: ':memory:',
      userDataDir: dir,
      host: 'browser',
      version: '0.0.0',
    });
    try {
      const note = await invoke(core.handlers, 'addSectionNote', {
        sectionId: 's-us',
        note: '検索できるメモ',
      });
      const hits = await invoke(core.handlers, 'search', { query: '検索できる' });
      expect(hits).toEqual([expect.objectContaining({ kind: 'note', annotationId: note.id })]);
      expect(fs.existsSync(`${dir}/user.sqlite`)).toBe(true);
    } finally {
      core.close();
      removeDir(dir);
    }
  });
});

// Opening and closing the core: search is optional, a library that cannot
// open closes the content store again, close() runs once.
import { describe, expect, it } from 'vitest';
import { invoke } from '../common/api/contract';
import { openReaderCore } from './reader-core';
import { memoryContentStore, tempLibrary } from './testing/memory-core';

const options = { contentDbPath: 'c', userDataDir: 'u', host: 'browser' as const, version: '1' };

describe('openReaderCore', () => {
  it('runs without search and says so once', async () => {
    const lines: string[] = [];
    const content = memoryContentStore();
    const user = tempLibrary();
    const library = user.library;
    const core = openReaderCore(
      {
        openContentStore: () => content,
        createSearchService: () => {
          throw new Error('no index artifact');
        },
        openLibrary: () => library,
      },
      { ...options, log: (l) => lines.push(l) },
    );
    expect(lines).toEqual(['search unavailable: no index artifact']);
    expect((await invoke(core.handlers, 'getAppInfo', {})).searchAvailable).toBe(false);
    core.close();
    core.close();
    expect(content.closed).toBe(true);
    expect(() => library.getPrefs()).toThrow('closed');
    user.cleanup();
  });

  it('closes the content store when the library cannot open', () => {
    const content = memoryContentStore();
    expect(() =>
      openReaderCore(
        {
          openContentStore: () => content,
          createSearchService: () => ({ search: () => [] }),
          openLibrary: () => {
            throw new Error('database is newer than this app');
          },
        },
        options,
      ),
    ).toThrow('newer');
    expect(content.closed).toBe(true);
  });
});

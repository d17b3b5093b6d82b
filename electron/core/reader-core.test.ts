// Opening and closing the core: search is optional, re-anchoring is one step
// between opening the library and building the handlers, a step that fails closes
// what was opened, close() runs once.
import { describe, expect, it } from 'vitest';
import { invoke } from '../common/api/contract';
import { openReaderCore } from './reader-core';
import { memoryContentStore } from './testing/content-store';
import { searchResponse } from './testing/search-response';
import { tempLibrary } from './testing/user-data';

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
          createSearchService: () => ({ search: (q: string) => searchResponse(q) }),
          openLibrary: () => {
            throw new Error('database is newer than this app');
          },
        },
        options,
      ),
    ).toThrow('newer');
    expect(content.closed).toBe(true);
  });

  it('re-anchors once, after the library opens and before the handlers exist, and reports it', async () => {
    const steps: string[] = [];
    const content = memoryContentStore();
    const user = tempLibrary();
    const summary = { checked: 2, unchanged: 1, moved: 1, orphaned: 0, recovered: 0, pending: 0 };
    const core = openReaderCore(
      {
        openContentStore: () => (steps.push('content'), content),
        createSearchService: () => (
          steps.push('search'),
          { search: (q: string) => searchResponse(q) }
        ),
        openLibrary: (_dir, libraryOptions) => {
          steps.push(`library ${JSON.stringify(libraryOptions)}`);
          return user.library;
        },
        reanchorLibrary: (library, store) => {
          expect(library).toBe(user.library);
          expect(store).toBe(content);
          steps.push('reanchor');
          return summary;
        },
        libraryHandlers: () => {
          steps.push('handlers');
          return undefined as never;
        },
      },
      { ...options, library: { existingOnly: true, autoBackup: false } },
    );
    expect(steps).toEqual([
      'content',
      'search',
      'library {"existingOnly":true,"autoBackup":false}',
      'reanchor',
      'handlers',
    ]);
    expect(core.reanchored).toEqual(summary);
    await core.idle();
    core.close();
    user.cleanup();
  });

  it('a failing re-anchoring step closes the library and the content store', () => {
    const content = memoryContentStore();
    let libraryClosed = false;
    expect(() =>
      openReaderCore(
        {
          openContentStore: () => content,
          createSearchService: () => ({ search: (q: string) => searchResponse(q) }),
          openLibrary: () => ({
            path: 'u',
            getPrefs: () => ({}) as never,
            setPrefs: () => ({}) as never,
            getPosition: () => null,
            setPosition: () => ({}) as never,
            startupNotices: () => [],
            close: () => {
              libraryClosed = true;
            },
          }),
          reanchorLibrary: () => {
            throw new Error('disk I/O error');
          },
        },
        options,
      ),
    ).toThrow('disk I/O error');
    expect(libraryClosed).toBe(true);
    expect(content.closed).toBe(true);
  });
});

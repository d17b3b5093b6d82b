// Test support: the reader core as a host opens it — the real library openers over a
// user-data folder — with the chapter slices in memory for content and the fake search
// response for text hits, so that notes, their notices and a damaged or absent
// user.sqlite are tested through the contract without building a content database.
import {
  openReaderCore,
  type CoreOpeners,
  type ReaderCore,
  type ReaderCoreOptions,
} from '../reader-core';
import { libraryOpeners, type HostLibrary } from '../library/openers';
import { memoryContentStore, sliceSections } from './content-store';
import { searchResponse } from './search-response';

export const memoryCoreOpeners: CoreOpeners<HostLibrary> = {
  openContentStore: () => memoryContentStore(sliceSections()),
  createSearchService: () => ({ search: (q: string) => searchResponse(q) }),
  ...libraryOpeners,
};

/** Opens the core over `userDataDir` (as the browser host, unless `options` say otherwise). */
export function memoryReaderCore(
  userDataDir: string,
  options: Partial<Omit<ReaderCoreOptions, 'userDataDir' | 'contentDbPath'>> = {},
): ReaderCore {
  return openReaderCore(memoryCoreOpeners, {
    contentDbPath: ':memory:',
    userDataDir,
    host: 'browser',
    version: '0.0.0',
    ...options,
  });
}

// The concrete core services every host opens: the read-only content database,
// the search service over its stored index, and the reader's user.sqlite.
// reader-core.ts takes these as parameters (tests pass other ones); this is
// the one place that names the real implementations.
import { openContentStore } from './content/store';
import { openLibrary } from './library/library';
import type { CoreOpeners } from './reader-core';

export const coreOpeners: CoreOpeners = {
  openContentStore: (dbPath) => openContentStore(dbPath),
  // Until electron/core/search/service.ts is merged, search reports itself
  // unavailable (getAppInfo.searchAvailable = false, `search` → 'unavailable').
  createSearchService: () => {
    throw new Error('the search service is not part of this build yet');
  },
  openLibrary: (userDataDir) => openLibrary(userDataDir),
};

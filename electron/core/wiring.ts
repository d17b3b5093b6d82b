// The concrete core services every host opens: the read-only content database,
// the search service over its stored index, the reader's user.sqlite (re-anchored
// against the content) and the bookmarks-and-annotations handlers over it.
// reader-core.ts takes these as parameters (tests pass other ones); this is the
// one place that names the real implementations.
import { openContentStore } from './content/store';
import { libraryOpeners, type HostLibrary } from './library/openers';
import type { CoreOpeners } from './reader-core';
import { createSearchService } from './search/service';

export const coreOpeners: CoreOpeners<HostLibrary> = {
  openContentStore: (dbPath) => openContentStore(dbPath),
  createSearchService: (store) => createSearchService(store),
  // A user.sqlite from a newer app is refused untouched; the reader still opens.
  ...libraryOpeners,
};

// The concrete core services every host opens: the read-only content database,
// the search service over its stored index, the reader's user.sqlite and the
// bookmarks-and-annotations handlers over it. reader-core.ts takes these as
// parameters (tests pass other ones); this is the one place that names the
// real implementations.
import { openContentStore } from './content/store';
import { createLibraryHandlers } from './library/handlers';
import { openLibrary, type SqliteLibrary } from './library/library';
import type { CoreOpeners } from './reader-core';
import { createSearchService } from './search/service';

export const coreOpeners: CoreOpeners<SqliteLibrary> = {
  openContentStore: (dbPath) => openContentStore(dbPath),
  createSearchService: (store) => createSearchService(store),
  openLibrary: (userDataDir) => openLibrary(userDataDir),
  libraryHandlers: (library, content) => createLibraryHandlers({ library, content }),
};

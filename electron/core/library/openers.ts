// The library's part of the core openers (electron/core/reader-core.ts): how a
// host opens user.sqlite and builds the notes handlers over it. The wiring module
// spreads this into its CoreOpeners so every host gets the same behaviour.
import type { ContentStore } from '../content/store-types';
import { createLibraryHandlers, type LibraryHandlers } from './handlers';
import { openLibrary, type SqliteLibrary } from './library';

export const libraryOpeners = {
  openLibrary: (userDataDir: string): SqliteLibrary => openLibrary(userDataDir),
  libraryHandlers: (library: SqliteLibrary, content: ContentStore): LibraryHandlers =>
    createLibraryHandlers({ library, content }),
};

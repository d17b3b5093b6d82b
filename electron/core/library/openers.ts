// The library's part of the core openers (electron/core/reader-core.ts): how a
// host opens user.sqlite and builds the notes handlers over it. The wiring module
// spreads this into its CoreOpeners so every host gets the same behaviour.
// A database from a newer app does not stop the reader: it is refused untouched
// and a RefusedLibrary stands in (notes unavailable, a notice says why).
import type { ContentStore } from '../content/store-types';
import {
  createLibraryHandlers,
  unavailableLibraryHandlers,
  type LibraryHandlers,
} from './handlers';
import { openLibrary, type SqliteLibrary } from './library';
import { RefusedLibrary } from './refused-library';
import { NewerDatabaseError } from './user-db';

export type HostLibrary = SqliteLibrary | RefusedLibrary;

function refusedHandlers(library: RefusedLibrary): LibraryHandlers {
  const handlers = unavailableLibraryHandlers(() => library.unavailable());
  handlers.getNotices = () => library.startupNotices();
  // Searching still works for the text; there are simply no notes to add.
  handlers.searchNotes = () => [];
  return handlers;
}

export const libraryOpeners = {
  openLibrary: (userDataDir: string): HostLibrary => {
    try {
      return openLibrary(userDataDir);
    } catch (err) {
      if (err instanceof NewerDatabaseError) return new RefusedLibrary(err);
      throw err;
    }
  },
  libraryHandlers: (library: HostLibrary, content: ContentStore): LibraryHandlers =>
    library instanceof RefusedLibrary
      ? refusedHandlers(library)
      : createLibraryHandlers({ library, content }),
};

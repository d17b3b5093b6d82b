// Opens everything a host needs to answer the contract — the read-only content
// database, the search service over it and the reader's user.sqlite — and
// closes it in the right order. Both the Electron shell and the browser edition
// start from here, so they behave the same. The concrete openers are passed in
// (see ./wiring.ts), which keeps this module testable with in-memory stand-ins.
import type { ApiHandlers } from '../common/api/contract';
import type { HostKind } from '../common/api/types';
import { createHandlers, type SearchProvider } from './api';
import type { ContentStore } from './content/store-types';
import type { LibraryHandlers } from './library/handlers';
import type { Library } from './library/library-types';

export interface CoreOpeners<L extends Library = Library> {
  openContentStore(dbPath: string): ContentStore;
  createSearchService(store: ContentStore): SearchProvider;
  openLibrary(userDataDir: string): L;
  /** Bookmarks, annotations and backups over the opened library (absent: `unavailable`). */
  libraryHandlers?(library: L, content: ContentStore): LibraryHandlers;
}

export interface ReaderCoreOptions {
  contentDbPath: string;
  userDataDir: string;
  host: HostKind;
  version: string;
  /** One line per degraded service (e.g. no search index). */
  log?: (line: string) => void;
}

export interface ReaderCore {
  handlers: ApiHandlers;
  content: ContentStore;
  library: Library;
  search: SearchProvider | null;
  close(): void;
}

export function openReaderCore(openers: CoreOpeners, options: ReaderCoreOptions): ReaderCore {
  const log = options.log ?? (() => {});
  const content = openers.openContentStore(options.contentDbPath);
  let search: SearchProvider | null = null;
  try {
    search = openers.createSearchService(content);
  } catch (err) {
    // The reader still works without search; the UI is told via getAppInfo.
    log(`search unavailable: ${err instanceof Error ? err.message : String(err)}`);
  }
  let library: Library;
  try {
    library = openers.openLibrary(options.userDataDir);
  } catch (err) {
    content.close();
    throw err;
  }
  let libraryHandlers: LibraryHandlers | undefined;
  try {
    libraryHandlers = openers.libraryHandlers?.(library, content);
  } catch (err) {
    library.close();
    content.close();
    throw err;
  }
  const handlers = createHandlers({
    content,
    search,
    library,
    ...(libraryHandlers ? { libraryHandlers } : {}),
    host: { kind: options.host, version: options.version, userDataDir: options.userDataDir },
  });
  let closed = false;
  return {
    handlers,
    content,
    library,
    search,
    close() {
      if (closed) return;
      closed = true;
      try {
        library.close();
      } finally {
        content.close();
      }
    },
  };
}

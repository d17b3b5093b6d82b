// Opens everything a host needs to answer the contract — the read-only content
// database, the search service over it and the reader's user.sqlite — in order,
// with re-anchoring as an explicit step, and closes it in the right order. Every
// host (the Electron shell, the browser edition, the CLI) starts from here and
// then calls only `invoke(core.handlers, …)`, so they behave the same. The
// concrete openers are passed in (see ./wiring.ts), which keeps this module
// testable with in-memory stand-ins.
import { ApiError, type ApiHandlers } from '../common/api/contract';
import type { HostKind, Notice } from '../common/api/types';
import { makeNotice } from '../common/i18n/notices';
import { createHandlers, type SearchProvider } from './api';
import type { ContentStore } from './content/store-types';
import type { DocumentLibrary, DocumentLibraryOptions } from './documents/library';
import type { Library } from './library/library-types';
import type { LibraryHandlers } from './library/methods';
import type { LibraryOpenOptions } from './library/openers';
import type { ReanchorSummary } from './library/reanchor';

export interface CoreOpeners<L extends Library = Library> {
  openContentStore(dbPath: string): ContentStore;
  createSearchService(store: ContentStore): SearchProvider;
  openLibrary(userDataDir: string, options?: LibraryOpenOptions): L;
  /**
   * Re-anchors the reader's annotations against this content (null: nothing to
   * re-anchor). Runs once, after the library opens and before any call.
   */
  reanchorLibrary?(library: L, content: ContentStore): ReanchorSummary | null;
  /** Bookmarks, annotations and backups over the opened library (absent: `unavailable`). */
  libraryHandlers?(library: L, content: ContentStore): LibraryHandlers;
  /**
   * The library of imported documents over the opened user.sqlite (null: only the
   * bundled chapter, e.g. no profile yet). Opening it reads nothing: documents are
   * opened at their first call.
   */
  openDocuments?(library: L, options: DocumentOpenOptions): DocumentLibrary | null;
}

/** How a host runs imports (the rest of DocumentLibraryOptions comes from the core). */
export type DocumentOpenOptions = Omit<DocumentLibraryOptions, 'library'>;

export interface ReaderCoreOptions {
  contentDbPath: string;
  userDataDir: string;
  host: HostKind;
  version: string;
  /** How to open user.sqlite (default: create it when missing, automatic backups on). */
  library?: LibraryOpenOptions;
  /** One line per degraded service (e.g. no search index). */
  log?: (line: string) => void;
  /** The import worker's script (a packaged app's bundle) and lower limits (tests). */
  documents?: Omit<DocumentOpenOptions, 'host'>;
  /** What was found before the core opened (e.g. the content rebuilt elsewhere), for the reader. */
  notices?: Notice[];
}

export interface ReaderCore {
  handlers: ApiHandlers;
  content: ContentStore;
  library: Library;
  search: SearchProvider | null;
  /** The library of imported documents (null without a usable user.sqlite). */
  documents: DocumentLibrary | null;
  /** What the re-anchoring step at opening did (null when it did not run). */
  reanchored: ReanchorSummary | null;
  /** Resolves once the library's scheduled work (automatic backups) has finished. */
  idle(): Promise<void>;
  close(): void;
}

/** Runs `step`; if it throws, closes what is already open (newest first) and rethrows. */
function opening<T>(step: () => T, opened: { close(): void }[]): T {
  try {
    return step();
  } catch (err) {
    for (const item of [...opened].reverse()) item.close();
    throw err;
  }
}

export function openReaderCore<L extends Library>(
  openers: CoreOpeners<L>,
  options: ReaderCoreOptions,
): ReaderCore {
  const log = options.log ?? (() => {});
  const notices: Notice[] = [...(options.notices ?? [])];
  const content = openers.openContentStore(options.contentDbPath);
  let search: SearchProvider | null = null;
  try {
    search = openers.createSearchService(content);
  } catch (err) {
    // The reader still works without search; the UI is told via getAppInfo and a notice.
    const detail = err instanceof Error ? err.message : String(err);
    log(`search unavailable: ${detail}`);
    notices.push(makeNotice('content_damaged', { path: content.path, detail }, [content.path]));
  }
  const library = opening(
    () => openers.openLibrary(options.userDataDir, options.library),
    [content],
  );
  const reanchored = opening(
    () => openers.reanchorLibrary?.(library, content) ?? null,
    [content, library],
  );
  const libraryHandlers = opening(
    () => openers.libraryHandlers?.(library, content),
    [content, library],
  );
  const host = { kind: options.host, version: options.version, userDataDir: options.userDataDir };
  const documents = opening(
    () => openers.openDocuments?.(library, { ...options.documents, host }) ?? null,
    [content, library],
  );
  const handlers = createHandlers({
    content,
    search,
    library,
    ...(libraryHandlers ? { libraryHandlers } : {}),
    host,
    documents,
    documentsUnavailable: () => {
      const standIn = library as Partial<{ unavailable(): ApiError }>;
      return typeof standIn.unavailable === 'function'
        ? standIn.unavailable()
        : new ApiError('unavailable', 'the library of documents is not available in this host');
    },
    notices,
  });
  let closed = false;
  return {
    handlers,
    content,
    library,
    search,
    documents,
    reanchored,
    idle: async () => {
      await library.idle?.();
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        documents?.closeNow();
        library.close();
      } finally {
        content.close();
      }
    },
  };
}

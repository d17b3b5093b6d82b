// The library's part of the core openers (electron/core/reader-core.ts): how a
// host opens user.sqlite, re-anchors it against the content, and builds the notes
// handlers over it. The wiring module spreads this into its CoreOpeners so every
// host gets the same behaviour.
// A database from a newer app, or one another process holds, does not stop the
// reader: it is left untouched and a RefusedLibrary stands in (notes unavailable, a
// notice says why). A caller
// that only reads can ask for the profile only if it exists: without one an
// AbsentLibrary stands in and nothing is created.
import fs from 'node:fs';
import path from 'node:path';
import { Outline } from '../content/outline';
import { DocumentLibrary } from '../documents/library';
import type { DocumentOpenOptions } from '../reader-core';
import type { ContentStore } from '../content/store-types';
import { exportNotes } from './export';
import { createLibraryHandlers } from './handlers';
import { importWorkerFile, workerRunner } from './import-runner';
import { openLibrary, SqliteLibrary, type OpenLibraryOptions } from './library';
import { unavailableLibraryHandlers, type LibraryHandlers } from './methods';
import { reanchorLibrary, type ReanchorSummary } from './reanchor';
import { AbsentLibrary, RefusedLibrary } from './stand-in-library';
import {
  DatabaseInUseError,
  DatabaseUnavailableError,
  NewerDatabaseError,
  USER_DB_FILE,
} from './user-db';

export type HostLibrary = SqliteLibrary | RefusedLibrary | AbsentLibrary;

/** How a host opens the reader's data. */
export interface LibraryOpenOptions {
  /** Only if user.sqlite exists; otherwise an empty, read-only stand-in (default false). */
  existingOnly?: boolean;
  /** Automatic backups on start and after bursts of changes (default true). */
  autoBackup?: boolean;
  /**
   * Run imports in a worker thread when a worker script is available (default true):
   * hosts that answer requests meanwhile. The CLI runs them on its own thread.
   */
  importInWorker?: boolean;
  /** How long a database held by another process is waited for (ms, default 5 s). */
  busyWaitMs?: number;
}

/** How each opened library runs its imports (set by openLibrary, read by libraryHandlers). */
const importModes = new WeakMap<SqliteLibrary, boolean>();

function refusedHandlers(library: RefusedLibrary): LibraryHandlers {
  const handlers = unavailableLibraryHandlers(() => library.unavailable());
  handlers.getNotices = () => library.startupNotices();
  // Searching still works for the text; there are simply no notes to add, and the
  // outline has no marks to show.
  handlers.searchNotes = () => [];
  handlers.listMarkedSections = () => [];
  handlers.importProgress = () => null;
  handlers.cancelImport = () => ({ cancelled: false });
  return handlers;
}

/** No profile yet: every reading method answers as for an empty one; writing ones refuse. */
function absentHandlers(library: AbsentLibrary, content: ContentStore): LibraryHandlers {
  const handlers = unavailableLibraryHandlers(() => library.unavailable());
  handlers.getNotices = () => [];
  handlers.listBookmarks = () => [];
  handlers.listAnnotations = () => [];
  handlers.listMarkedSections = () => [];
  handlers.searchNotes = () => [];
  handlers.listBackups = () => [];
  handlers.importProgress = () => null;
  handlers.cancelImport = () => ({ cancelled: false });
  handlers.exportAnnotations = ({ format, language }) =>
    exportNotes(format, {
      content,
      outline: new Outline(content.toc()),
      annotations: [],
      bookmarks: [],
      generatedAt: new Date().toISOString(),
      language: language ?? library.getPrefs().language,
    });
  return handlers;
}

export const libraryOpeners = {
  openLibrary: (userDataDir: string, options: LibraryOpenOptions = {}): HostLibrary => {
    const file = path.join(path.resolve(userDataDir), USER_DB_FILE);
    if (options.existingOnly && !fs.existsSync(file)) return new AbsentLibrary(file);
    const libraryOptions: OpenLibraryOptions = {
      ...(options.autoBackup === undefined ? {} : { autoBackup: options.autoBackup }),
      ...(options.busyWaitMs === undefined ? {} : { busyWaitMs: options.busyWaitMs }),
    };
    try {
      const library = openLibrary(userDataDir, libraryOptions);
      importModes.set(library, options.importInWorker ?? true);
      return library;
    } catch (err) {
      if (
        err instanceof NewerDatabaseError ||
        err instanceof DatabaseInUseError ||
        err instanceof DatabaseUnavailableError
      )
        return new RefusedLibrary(err);
      throw err;
    }
  },
  reanchorLibrary: (library: HostLibrary, content: ContentStore): ReanchorSummary | null =>
    library instanceof SqliteLibrary ? reanchorLibrary(library, content) : null,
  openDocuments: (library: HostLibrary, options: DocumentOpenOptions): DocumentLibrary | null => {
    if (!(library instanceof SqliteLibrary)) return null;
    // Notes imported into an imported document run where the chapter's do.
    const workerFile = importModes.get(library) === false ? null : importWorkerFile();
    return new DocumentLibrary({
      ...options,
      library,
      ...(workerFile ? { notesImportRunner: workerRunner(workerFile) } : {}),
    });
  },
  libraryHandlers: (library: HostLibrary, content: ContentStore): LibraryHandlers => {
    if (library instanceof RefusedLibrary) return refusedHandlers(library);
    if (library instanceof AbsentLibrary) return absentHandlers(library, content);
    const workerFile = importModes.get(library) === false ? null : importWorkerFile();
    return createLibraryHandlers({
      library,
      content,
      ...(workerFile ? { importRunner: workerRunner(workerFile) } : {}),
    });
  },
};

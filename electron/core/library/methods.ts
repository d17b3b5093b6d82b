// Which contract methods the library answers (bookmarks, annotations, notices,
// notes search, export/import, backups): the list the core spreads into its
// handlers, and the stand-in a host gets when the reader's data cannot be used.
import type { ApiHandlers } from '../../common/api/contract';
import type { AnnotationMethod, BookmarkMethod } from '../../common/api/note-methods';

export type LibraryMethod =
  | 'getNotices'
  | BookmarkMethod
  | AnnotationMethod
  | 'listMarkedSections'
  | 'searchNotes'
  | 'importProgress'
  | 'cancelImport'
  | 'listBackups'
  | 'restoreBackup'
  | 'deleteBackup'
  | 'createBackup';

export type LibraryHandlers = Pick<ApiHandlers, LibraryMethod>;

// Every LibraryMethod once: a method missing here is a compile error.
const LIBRARY_METHOD_SET: Record<LibraryMethod, true> = {
  getNotices: true,
  listBookmarks: true,
  toggleBookmark: true,
  addBookmark: true,
  renameBookmark: true,
  deleteBookmark: true,
  restoreBookmark: true,
  listAnnotations: true,
  listMarkedSections: true,
  addAnnotation: true,
  addSectionNote: true,
  updateAnnotation: true,
  deleteAnnotation: true,
  restoreAnnotation: true,
  searchNotes: true,
  exportAnnotations: true,
  importAnnotations: true,
  importProgress: true,
  cancelImport: true,
  listBackups: true,
  restoreBackup: true,
  deleteBackup: true,
  createBackup: true,
};
export const LIBRARY_METHODS = Object.keys(LIBRARY_METHOD_SET) as LibraryMethod[];

/** Handlers that all throw `error()`: for hosts where the notes database cannot be used. */
export function unavailableLibraryHandlers(error: () => Error): LibraryHandlers {
  const handlers: Record<string, unknown> = {};
  for (const method of LIBRARY_METHODS) {
    handlers[method] = () => {
      throw error();
    };
  }
  return handlers as unknown as LibraryHandlers;
}

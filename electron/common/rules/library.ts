// Bounds of the library of imported documents, the same for every host: the largest
// file an import accepts (the importer's own limit and every host's transport check
// derive from it), the metadata a reader may edit, how many imports may run at once,
// and how long a status call may wait for news. Defined once here.

/** Largest file an import accepts, in bytes. */
export const MAX_DOCUMENT_FILE_BYTES = 200 * 1024 * 1024;
/** Longest file name an import is given (only its last path segment is kept). */
export const MAX_DOCUMENT_NAME_LENGTH = 255;
export const MAX_DOCUMENT_TITLE_LENGTH = 500;
export const MAX_DOCUMENT_PUBLISHER_LENGTH = 200;
export const MAX_DOCUMENT_YEAR_LENGTH = 20;
/** Imports running at the same time (each one a worker thread; the machine may have 2 cores). */
export const MAX_CONCURRENT_IMPORTS = 2;
/** Longest an importDocumentStatus call waits for the next change (ms). */
export const MAX_STATUS_WAIT_MS = 10_000;
/** Documents a library-wide search may be narrowed to in one call. */
export const MAX_SEARCH_DOCUMENTS = 1000;
/**
 * Results per document of a library-wide search when the caller names no limit: the
 * best of each document, grouped (narrowing to one document lists all of its hits).
 */
export const DEFAULT_LIBRARY_SEARCH_LIMIT = 20;

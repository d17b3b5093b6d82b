// Which document of the library this window reads: the route's `doc` at start (absent:
// the bundled chapter), then the one the reader switched to (./switch-document.ts). Every
// contract call that reads or annotates "the document" is sent for it (lib/api.ts adds
// `documentId` to those calls), so the reading, search, notes and bookmark states need
// not know that a library exists: a switch reloads each of them for the new document.
import { DOCUMENT_METHODS } from '../../../../electron/common/api/document-methods';
import { routeFromHash, type Route } from '../../../../electron/common/deep-link';

/** The calls about the document being read (the contract's, with an optional `documentId`). */
export const DOCUMENT_SCOPED_METHODS: ReadonlySet<string> = new Set(DOCUMENT_METHODS);

let current: string | null | undefined;

/** The document this page reads (null: the bundled chapter). */
export function currentDocumentId(): string | null {
  if (current === undefined)
    current =
      typeof location === 'undefined' ? null : (routeFromHash(location.hash)?.documentId ?? null);
  return current;
}

/** Tests: read the route again. */
export function resetCurrentDocument(): void {
  current = undefined;
}

/** The window reads another document from now on (null: the bundled chapter). */
export function setCurrentDocument(documentId: string | null): void {
  current = documentId;
}

/** `args` with the current document added to a document-scoped call that names none. */
export function withCurrentDocument(method: string, args: unknown): unknown {
  const doc = currentDocumentId();
  if (doc === null || !DOCUMENT_SCOPED_METHODS.has(method)) return args;
  const given = (args ?? {}) as Record<string, unknown>;
  return given.documentId === undefined ? { ...given, documentId: doc } : args;
}

/** A route in the document being read (the document named when it is not the bundled one). */
export function inCurrentDocument(route: Route): Route {
  const doc = currentDocumentId();
  return route.documentId === undefined && doc !== null ? { ...route, documentId: doc } : route;
}

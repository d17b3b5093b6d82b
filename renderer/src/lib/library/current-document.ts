// Which document of the library this window reads: the route's `doc` (absent: the
// bundled chapter), fixed for the page's life. Every contract call that reads or
// annotates "the document" is sent for it (lib/api.ts adds `documentId` to those
// calls), so the reading, search, notes and bookmark states need not know that a
// library exists. Opening another document navigates to its route and starts the page
// again: every state is then loaded for that document from the first request on.
import { DOCUMENT_METHODS } from '../../../../electron/common/api/document-methods';
import { hashForRoute, routeFromHash, type Route } from '../../../../electron/common/deep-link';

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

/**
 * Reads another document (or another place of one): its route in the address bar, then
 * the page starts again for it. `documentId` null: the bundled chapter.
 */
export function navigateToDocument(
  documentId: string | null,
  sectionId: string,
  before: () => void = () => {},
): void {
  before();
  const hash = hashForRoute({ sectionId, ...(documentId !== null ? { documentId } : {}) });
  location.hash = hash;
  location.reload();
}

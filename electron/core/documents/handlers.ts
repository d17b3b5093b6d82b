// The contract over the whole library. Calls that read or annotate a document take an
// optional documentId: without one (or with the bundled chapter's own id) they go to
// the bundled chapter's handlers exactly as before the library existed; with an
// imported document's id, to that document's handlers — the same code over its
// content and its notes (./library.ts). Calls that name a note by id (rename, delete,
// restore, update) go to the note's own document. Every annotation and bookmark an
// imported document answers with carries its documentId, so a host can link it back.
// The library's own methods — list, import (a job off the request path), status,
// cancel, remove, metadata, library-wide search — are answered here.
import {
  ApiError,
  type ApiHandlers,
  type ApiMethod,
  type ApiParsedArgs,
  type ApiResult,
} from '../../common/api/contract';
import type {
  Annotation,
  Bookmark,
  LibraryDocument,
  LibrarySearchGroup,
  LibrarySearchResponse,
  SearchResponse,
} from '../../common/api/types';
import { DOCUMENT_METHODS } from '../../common/api/document-methods';
import { DEFAULT_LIBRARY_SEARCH_LIMIT } from '../../common/rules/library';
import type { SearchProvider } from '../api';
import type { ContentStore } from '../content/store-types';
import type { DocumentLibrary } from './library';
import { yearOf } from './registry';

export { DOCUMENT_METHODS };

/** Methods that name an annotation or a bookmark by id. */
const ANNOTATION_METHODS = [
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
] as const satisfies readonly ApiMethod[];
const BOOKMARK_METHODS = [
  'renameBookmark',
  'deleteBookmark',
  'restoreBookmark',
] as const satisfies readonly ApiMethod[];

/** An imported document's annotations and bookmarks, marked with its id. */
function stamp<T>(result: T, documentId: string): T {
  const mark = <I extends Annotation | Bookmark>(item: I): I => ({ ...item, documentId });
  if (Array.isArray(result)) return result.map(mark) as T;
  if (result && typeof result === 'object' && 'bookmarked' in result)
    return {
      ...result,
      bookmark: mark((result as unknown as { bookmark: Bookmark }).bookmark),
    } as T;
  return mark(result as Annotation | Bookmark) as T;
}

/** The methods whose answers are annotations or bookmarks (stamped with the document id). */
const STAMPED = new Set<ApiMethod>([
  'listBookmarks',
  'toggleBookmark',
  'addBookmark',
  'listAnnotations',
  'addAnnotation',
  'addSectionNote',
  ...ANNOTATION_METHODS,
  ...BOOKMARK_METHODS,
]);

export interface LibraryHandlerContext {
  /** The bundled chapter's content (its id, its entry in the list). */
  content: ContentStore;
  /** The bundled chapter's text search (null: no index). */
  search: SearchProvider | null;
  /** Null when the reader's data is not open (no profile yet, or refused). */
  documents: DocumentLibrary | null;
  /** Why the library cannot be changed when `documents` is null. */
  unavailable: () => ApiError;
}

/** The methods of the library itself, answered here (not by a document). */
export type LibraryDocumentMethod =
  | 'listDocuments'
  | 'importDocument'
  | 'importDocumentStatus'
  | 'cancelDocumentImport'
  | 'chooseDocumentImport'
  | 'removeDocument'
  | 'updateDocumentMetadata'
  | 'searchLibrary';

/** What one document answers: every method but the library's own. */
export type DocumentHandlers = Omit<ApiHandlers, LibraryDocumentMethod>;

export function withDocuments(bundled: DocumentHandlers, ctx: LibraryHandlerContext): ApiHandlers {
  const bundledId = (): string => ctx.content.document().id;
  const documents = (): DocumentLibrary => {
    if (!ctx.documents) throw ctx.unavailable();
    return ctx.documents;
  };
  /** The handlers of a document: the bundled chapter's for no id or its own id. */
  const handlersOf = (documentId: string | undefined): [DocumentHandlers, string | null] => {
    if (documentId === undefined || documentId === bundledId()) return [bundled, null];
    if (!ctx.documents) throw new ApiError('not_found', `no document ${documentId} in the library`);
    return [ctx.documents.handlersFor(documentId), documentId];
  };
  const call = async <M extends ApiMethod>(
    method: M,
    handlers: DocumentHandlers,
    documentId: string | null,
    args: ApiParsedArgs<M>,
  ): Promise<ApiResult<M>> => {
    const handler = (handlers as Partial<ApiHandlers>)[method] as (
      a: ApiParsedArgs<M>,
    ) => ApiResult<M>;
    const result = await handler(args);
    return documentId !== null && STAMPED.has(method) ? stamp(result, documentId) : result;
  };

  const routed: Partial<Record<ApiMethod, unknown>> = {};
  for (const method of DOCUMENT_METHODS) {
    routed[method] = (args: ApiParsedArgs<typeof method> & { documentId?: string }) => {
      const { documentId, ...rest } = args;
      const [handlers, id] = handlersOf(documentId);
      return call(method, handlers, id, rest as ApiParsedArgs<typeof method>);
    };
  }
  const byNote = (kind: 'annotation' | 'bookmark', methods: readonly ApiMethod[]) => {
    for (const method of methods) {
      routed[method] = (args: ApiParsedArgs<typeof method> & { id: string }) => {
        const owner = ctx.documents?.registry.documentOf(kind, args.id) ?? '';
        const [handlers, id] = handlersOf(owner === '' ? undefined : owner);
        return call(method, handlers, id, args);
      };
    }
  };
  byNote('annotation', ANNOTATION_METHODS);
  byNote('bookmark', BOOKMARK_METHODS);

  const bundledEntry = (): LibraryDocument => {
    const doc = ctx.content.document();
    const toc = ctx.content.toc();
    return {
      id: doc.id,
      bundled: true,
      title: doc.title,
      publisher: doc.publisher,
      year: yearOf(doc.edition),
      format: null,
      sourceName: doc.sourceFile,
      sourceSha256: doc.sourceSha256,
      sourceBytes: null,
      pages: null,
      sections: toc.length,
      paragraphs: paragraphCount(),
      writingMode: 'horizontal',
      edition: 1,
      importedAt: null,
      updatedAt: null,
      removed: false,
      removedAt: null,
      notes: ctx.documents?.registry.notesCount('') ?? 0,
    };
  };
  let paragraphs: number | null = null;
  const paragraphCount = (): number =>
    (paragraphs ??= ctx.content.searchDocs().reduce((n, s) => n + s.paragraphs.length, 0));

  const searchLibrary = async ({
    query,
    limit,
    documentIds,
    order,
  }: ApiParsedArgs<'searchLibrary'>): Promise<LibrarySearchResponse> => {
    const max = limit ?? DEFAULT_LIBRARY_SEARCH_LIMIT;
    const ids = documentIds ?? [
      bundledId(),
      ...(ctx.documents?.registry.list(false).map((d) => d.id) ?? []),
    ];
    // Unknown ids are refused before anything is searched.
    const targets = [...new Set(ids)].map((id) => {
      if (id === bundledId())
        return { id, title: ctx.content.document().title, bundled: true, removed: false };
      const row = ctx.documents?.registry.find(id);
      if (!row) throw new ApiError('not_found', `no document ${id} in the library`);
      return { id, title: row.title, bundled: false, removed: row.removedAt !== null };
    });
    const rowOrder = order ?? (await bundled.getPrefs({})).searchOrder;
    type Ranked = LibrarySearchGroup & { rank: number; titleHit: boolean; best: number };
    const groups: Ranked[] = [];
    const unavailable: LibrarySearchResponse['unavailable'] = [];
    let answer: SearchResponse | null = null;
    for (const [rank, target] of targets.entries()) {
      if (target.removed) {
        unavailable.push({ documentId: target.id, message: 'removed from the library' });
        continue;
      }
      let response: SearchResponse;
      try {
        // Each document's own search, without its whole-document hit list (only
        // totals are shown here), then the hits in its notes as `search` adds them.
        const [handlers] = handlersOf(target.bundled ? undefined : target.id);
        const text = target.bundled ? ctx.search : (ctx.documents?.searchFor(target.id) ?? null);
        if (!text)
          throw new ApiError('unavailable', 'search is not available: the content has no index');
        response = text.search(query, { limit: max, order: rowOrder, maxHits: 0 });
        if (response.terms.length > 0)
          response.results.push(...(await handlers.searchNotes({ query, limit: max })));
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== 'unavailable') throw err;
        unavailable.push({ documentId: target.id, message: err.message });
        continue;
      }
      answer ??= response;
      if (response.results.length === 0) continue;
      const text = response.results.filter((r) => r.kind === 'text');
      groups.push({
        documentId: target.id,
        title: target.title,
        bundled: target.bundled,
        results: response.results,
        totalHits: response.totalHits,
        totalSections: response.totalSections,
        rank,
        titleHit: text.some((r) => r.ranges.some((h) => h.paragraphId === null)),
        best: Math.max(0, ...text.map((r) => r.score)),
      });
    }
    // A title hit first, then the best score (Lunr's scores compare only roughly
    // across indexes), then the library's order.
    groups.sort(
      (a, b) => Number(b.titleHit) - Number(a.titleHit) || b.best - a.best || a.rank - b.rank,
    );
    return {
      query,
      order: answer?.order ?? 'relevance',
      terms: answer?.terms ?? [],
      groups: groups.map(({ rank: _r, titleHit: _t, best: _b, ...group }) => group),
      searched: targets.length - unavailable.length,
      totalHits: groups.reduce((n, g) => n + g.totalHits, 0),
      unavailable,
    };
  };

  return {
    ...bundled,
    ...(routed as Partial<ApiHandlers>),
    restoreBackup: async (args) => {
      const backup = await bundled.restoreBackup(args);
      // The list is now the backup's: documents reopen, and place their notes in their
      // current text, at their next use.
      ctx.documents?.restored();
      return backup;
    },
    listDocuments: ({ includeRemoved }) => [
      bundledEntry(),
      ...(ctx.documents?.list(includeRemoved ?? false) ?? []),
    ],
    importDocument: (args) => {
      if (args.editionOf === bundledId())
        throw new ApiError('invalid_input', 'the bundled chapter takes no imported edition');
      return documents().startImport(args);
    },
    importDocumentStatus: ({ jobId, waitMs }) => documents().jobs.status(jobId, waitMs ?? 0),
    cancelDocumentImport: ({ jobId }) => documents().jobs.cancel(jobId),
    chooseDocumentImport: ({ jobId, as }) => documents().jobs.choose(jobId, as),
    removeDocument: ({ id }) => {
      if (id === bundledId())
        throw new ApiError('invalid_input', 'the bundled chapter cannot be removed');
      return documents().remove(id);
    },
    updateDocumentMetadata: (args) => {
      if (args.id === bundledId())
        throw new ApiError('invalid_input', "the bundled chapter's metadata cannot be changed");
      return documents().updateMetadata(args);
    },
    searchLibrary,
  };
}

// The core's implementation of the contract (electron/common/api/contract.ts).
// Every host — Electron IPC, the browser edition's HTTP host, the CLI — calls
// these handlers through `invoke`, which has already validated the arguments
// against the contract's strict schemas; this module adds the checks that need
// the data (does that section exist?) and maps the core's services onto the
// contract. Typed as `ApiHandlers`, so a method added to the contract and not
// implemented here is a compile error.
import { gateWrites } from './write-gate';
import { ApiError, type ApiHandlers } from '../common/api/contract';
import type {
  AppInfo,
  CitationSource,
  GlossaryEntry,
  HostKind,
  Notice,
  ReadingPosition,
  SearchResponse,
} from '../common/api/types';
import { bareCitationSource, sourceStatement } from '../common/citation/cite';
import { otherNamesTable } from '../common/glossary/other-names';
import { translate } from '../common/i18n/format';
import { DEFAULT_SEARCH_LIMIT, type SearchOrder } from '../common/rules/search';
import { startWindow } from '../common/rules/start-window';
import { citationSourceOf } from './citation/read';
import { missingSections } from './content/missing-sections';
import { Outline } from './content/outline';
import type { ContentStore } from './content/store-types';
import { glossaryOf, otherNamesOf } from './glossary/read';
import { searchSuggestions } from './glossary/suggest';
import type { DocumentLibrary } from './documents/library';
import { withDocuments, type DocumentHandlers } from './documents/handlers';
import { unavailableLibraryHandlers, type LibraryHandlers } from './library/methods';
import type { Library } from './library/library-types';
import { PRODUCT_NAME } from './paths';

/** The search service as the handlers use it (electron/core/search/service.ts). */
export interface SearchProvider {
  /** The text part of the answer: `results` holds the text rows only (none when `terms` is empty). */
  search(
    query: string,
    options: {
      limit?: number;
      order?: SearchOrder;
      /** Longest whole-document hit list (0: none; a library-wide search needs only totals). */
      maxHits?: number;
    },
  ): SearchResponse;
}

/** Facts about the running host that only the host knows. */
export interface HostFacts {
  kind: HostKind;
  version: string;
  userDataDir: string;
}

export interface HandlerContext {
  content: ContentStore;
  /** null when the content DB carries no search index: `search` answers `unavailable`. */
  search: SearchProvider | null;
  library: Library;
  /**
   * Bookmarks, annotations, notes search, export/import and backups over the
   * library (electron/core/library/handlers.ts). Absent in tests of the reading
   * side only: those methods then answer `unavailable`.
   */
  libraryHandlers?: LibraryHandlers;
  host?: HostFacts;
  /**
   * The library of imported documents over user.sqlite (absent: only the bundled
   * chapter; the library's own methods answer `unavailable()`).
   */
  documents?: DocumentLibrary | null;
  /** Why the library cannot be used when `documents` is absent. */
  documentsUnavailable?: () => ApiError;
  /** What opening the core found outside the library (e.g. content rebuilt elsewhere). */
  notices?: Notice[];
}

/** The editing statement shown in Help → About, in both languages (from the string table). */
const EDITING_NOTE = {
  ja: translate('ja', 'aboutEditingNote'),
  en: translate('en', 'aboutEditingNote'),
} as const;

/**
 * 出典 line of the whole document (Help, About): the book, the document's place in it
 * and its sections, from the citation data stored with the content; the publisher and
 * title alone when that data cannot be read.
 */
function documentSource(content: ContentStore, citation: () => CitationSource): string {
  try {
    return sourceStatement(citation(), 'ja').text;
  } catch {
    return sourceStatement(bareCitationSource(content.document()), 'ja').text;
  }
}

/** The contract over the whole library: the bundled chapter's handlers and every imported document's. */
export function createHandlers(ctx: HandlerContext): ApiHandlers {
  return withDocuments(createDocumentHandlers(ctx), {
    content: ctx.content,
    search: ctx.search,
    documents: ctx.documents ?? null,
    unavailable:
      ctx.documentsUnavailable ??
      (() => new ApiError('unavailable', 'the library of documents is not available in this host')),
  });
}

/** One document's handlers: its content, its search and its notes. */
export function createDocumentHandlers(ctx: HandlerContext): DocumentHandlers {
  const { content, search, library } = ctx;
  const host: HostFacts = ctx.host ?? { kind: 'browser', version: '0.0.0', userDataDir: '' };

  // The content DB is read-only for the life of the process: the outline is
  // read once (at the first call that needs it) and section ids are checked
  // against it without a query.
  let outline: Outline | null = null;
  const outlineOf = (): Outline => (outline ??= new Outline(content.toc()));
  const hasSection = (id: string): boolean => outlineOf().has(id);
  /**
   * The saved reading position. One in a section that a newer content build no longer
   * has is not an error for the reader: they start at the top instead.
   */
  const savedPosition = (): ReadingPosition | null => {
    const position = library.getPosition();
    return position && !hasSection(position.sectionId) ? null : position;
  };
  const coreNotices = (): Notice[] => (ctx.notices ?? []).map((n) => ({ ...n }));
  const libraryHandlers =
    ctx.libraryHandlers ??
    unavailableLibraryHandlers(
      () => new ApiError('unavailable', 'bookmarks and notes are not available in this host'),
    );
  // The glossary, the other-names table and the citation data are as immutable as the
  // outline: read (and checked) once, at the first call that needs them.
  let glossary: GlossaryEntry[] | null = null;
  const glossaryList = (): GlossaryEntry[] => (glossary ??= glossaryOf(content));
  let namesTable: string[][] | null = null;
  const otherNames = (): string[][] =>
    (namesTable ??= otherNamesTable(otherNamesOf(content), glossaryList()));
  let citation: CitationSource | null = null;
  const citationSource = (): CitationSource => (citation ??= citationSourceOf(content));

  const handlers: DocumentHandlers = {
    ...libraryHandlers,
    getNotices: async (args) => [
      ...coreNotices(),
      ...(ctx.libraryHandlers ? await ctx.libraryHandlers.getNotices(args) : []),
    ],
    getDocument: () => content.document(),
    getToc: () => outlineOf().toc.map((entry) => ({ ...entry })),
    getSection: ({ id }) => {
      if (!hasSection(id)) throw missingSections([id]);
      return content.section(id);
    },
    getSections: ({ ids }) => {
      // Every id checked against the outline first: one unknown id names itself (and any
      // other), and nothing is read; the paragraphs of the rest come in one query.
      const missing = ids.filter((id) => !hasSection(id));
      if (missing.length > 0) throw missingSections(missing);
      return content.sections(ids);
    },
    search: async ({ query, limit, order }) => {
      if (!search) {
        throw new ApiError('unavailable', 'search is not available: the content has no index');
      }
      const max = limit ?? DEFAULT_SEARCH_LIMIT;
      // No order given: the one the reader chose last (a preference).
      const text = search.search(query, {
        limit: max,
        order: order ?? library.getPrefs().searchOrder,
      });
      // The reader's notes are searched too: their hits follow the text rows,
      // marked kind 'note' with the annotation id. Nothing to search: no terms.
      if (text.terms.length === 0 || !ctx.libraryHandlers) return text;
      const notes = await ctx.libraryHandlers.searchNotes({ query, limit: max });
      return { ...text, results: [...text.results, ...notes] };
    },
    searchSuggestions: ({ query }) => {
      if (!search) {
        throw new ApiError('unavailable', 'search is not available: the content has no index');
      }
      return searchSuggestions(query, search, otherNames());
    },
    getGlossary: () => structuredClone(glossaryList()),
    getCitationSource: () => structuredClone(citationSource()),
    getPrefs: () => library.getPrefs(),
    setPrefs: (patch) => library.setPrefs(patch),
    getPosition: () => savedPosition(),
    getStart: ({ sectionId }) => {
      const position = savedPosition();
      const opening =
        sectionId !== undefined && hasSection(sectionId)
          ? sectionId
          : (position?.sectionId ?? outlineOf().toc[0]?.id ?? null);
      const ids = startWindow(outlineOf().toc, opening);
      return { position, opening, sections: ids.length > 0 ? content.sections(ids) : [] };
    },
    setPosition: (position) => {
      if (!hasSection(position.sectionId)) {
        throw missingSections([position.sectionId]);
      }
      return library.setPosition(position);
    },
    getAppInfo: (): AppInfo => {
      const doc = content.document();
      return {
        productName: PRODUCT_NAME,
        version: host.version,
        host: host.kind,
        document: {
          title: doc.title,
          publisher: doc.publisher,
          edition: doc.edition,
          sourceSha256: doc.sourceSha256,
        },
        source: documentSource(content, citationSource),
        attribution: doc.attribution,
        editingNote: { ...EDITING_NOTE },
        searchAvailable: search !== null,
        userDataDir: host.userDataDir,
        notesReadOnly: library.notesReadOnly?.() ?? false,
        notices: [...coreNotices(), ...library.startupNotices()].map((notice) => ({
          code: notice.code,
          message: notice.message,
          ...(notice.paths ? { paths: [...notice.paths] } : {}),
          params: { ...notice.params },
        })),
      };
    },
  };
  return gateWrites(handlers, () => library.writesHeld?.() ?? null);
}

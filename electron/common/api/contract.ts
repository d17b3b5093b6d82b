// The one contract between the renderer and the core: every method the renderer
// may call, with its argument schema (validated at every host's boundary) and its
// result type. The Electron IPC binding, the browser edition's HTTP host, the
// preload whitelist and the CLI all derive from this file, so a method added here
// and not implemented is a compile error (Actual Budget's `Handlers`, Signal's
// `Interface`).
// The namespace import lets bundlers keep only the parts of zod in use.
import * as z from 'zod';
import { colorSchema, labelSchema, noteSchema, tagSchema, tagsSchema } from '../annotations/fields';
import { once } from '../once';
import { ApiError, asApiError } from './errors';
import { fileTooLargeMessage } from './file-args';
import { ID_PATTERN, ID_RULE, MAX_ID_LENGTH } from '../rules/ids';
import { EXPORT_FORMATS } from '../rules/exports';
import { MAX_BACKUP_NAME_LENGTH, MAX_IMPORT_BYTES, MAX_IMPORT_FILE_BYTES } from '../rules/notes';
import { MAX_OFFSET, SCROLL_RANGE } from '../rules/passages';
import {
  FONT_FAMILIES,
  FONT_SIZE,
  LANGUAGES,
  READING_MODES,
  THEMES,
  WRITING_MODES,
} from '../rules/prefs';
import { MAX_QUERY_LENGTH, MAX_SEARCH_LIMIT, SEARCH_ORDERS } from '../rules/search';
import { MAX_SECTIONS_PER_CALL } from '../rules/sections';
import {
  MAX_DOCUMENT_FILE_BYTES,
  MAX_DOCUMENT_NAME_LENGTH,
  MAX_DOCUMENT_PUBLISHER_LENGTH,
  MAX_DOCUMENT_TITLE_LENGTH,
  MAX_DOCUMENT_YEAR_LENGTH,
  MAX_SEARCH_DOCUMENTS,
  MAX_STATUS_WAIT_MS,
} from '../rules/library';
import type {
  Annotation,
  BackupEntry,
  Bookmark,
  ExportFile,
  ImportProgress,
  ImportSummary,
  MarkedSection,
  Notice,
  AppInfo,
  CitationSource,
  DocumentImportStatus,
  DocumentInfo,
  GlossaryEntry,
  LibraryDocument,
  LibrarySearchResponse,
  Prefs,
  ReadingPosition,
  SearchResponse,
  SearchResultItem,
  SearchSuggestions,
  SectionView,
  StartText,
  TocEntry,
} from './types';

// The errors that cross the boundary, in a file of their own (re-exported: one import for hosts).
export { ApiError, asApiError, type ApiErrorBody, type ApiErrorCode } from './errors';

/** An id by the one id rule (../rules/ids.ts). */
export const idSchema = z.string().min(1).max(MAX_ID_LENGTH).regex(ID_PATTERN, ID_RULE);
/** A text offset (UTF-16 code units). */
export const offsetSchema = z.number().int().min(0).max(MAX_OFFSET);
const empty = z.strictObject({});
const id = idSchema;
const offset = offsetSchema;
/**
 * Which document of the library a call reads or annotates: absent for the bundled
 * chapter (every call as before the library existed), else a document's id.
 */
const documentId = id.optional();

/** A file's bytes, up to `limit` (the refusal names the limit, as every host's does). */
const fileArg = (limit: number) =>
  z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, "file: expected the file's bytes")
    .refine((b) => b.byteLength <= limit, { message: fileTooLargeMessage(limit) });
const inDocument = () => z.strictObject({ documentId });
/** Metadata a reader types: one line, no control characters. */
const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^\P{Cc}*$/u, 'one line without control characters');

const prefsSchema = once(() =>
  z.strictObject({
    theme: z.enum(THEMES),
    fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
    writingMode: z.enum(WRITING_MODES),
    language: z.enum(LANGUAGES),
    fontFamily: z.enum(FONT_FAMILIES),
    copyCitation: z.boolean(),
    readingMode: z.enum(READING_MODES),
    autospace: z.boolean(),
    searchOrder: z.enum(SEARCH_ORDERS),
  }),
);

const queryField = () => z.string().max(MAX_QUERY_LENGTH);
const limitField = () => z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional();

const searchArgs = once(() =>
  z.strictObject({
    query: queryField(),
    /** Most text rows (and most note rows); default DEFAULT_SEARCH_LIMIT. */
    limit: limitField(),
    /** Order of the text rows; default: the reader's `searchOrder` preference. */
    order: z.enum(SEARCH_ORDERS).optional(),
    documentId,
  }),
);

const searchNotesArgs = once(() =>
  z.strictObject({ query: queryField(), limit: limitField(), documentId }),
);

/**
 * Several sections at once, in the order asked: at least one id, at most
 * MAX_SECTIONS_PER_CALL, none twice (the refusal names the first id given twice).
 */
const getSectionsArgs = once(() =>
  z.strictObject({
    ids: z
      .array(idSchema)
      .min(1, 'at least one section id')
      .max(MAX_SECTIONS_PER_CALL, `at most ${MAX_SECTIONS_PER_CALL} section ids per call`)
      .superRefine((ids, ctx) => {
        const seen = new Set<string>();
        for (const [index, sectionId] of ids.entries()) {
          if (seen.has(sectionId)) {
            ctx.addIssue({
              code: 'custom',
              message: `section id "${sectionId}" is asked for twice`,
              path: [index],
            });
            return;
          }
          seen.add(sectionId);
        }
      }),
    documentId,
  }),
);

/** A bookmark: a section, or a position in it (a paragraph and an offset into its text). */
const addBookmarkArgs = once(() =>
  z
    .strictObject({
      sectionId: idSchema,
      /** Absent: a bookmark of the whole section. */
      paragraphId: idSchema.optional(),
      /** UTF-16 offset into the paragraph's display text; default 0. Needs paragraphId. */
      offset: offsetSchema.optional(),
      label: labelSchema.optional(),
      documentId,
    })
    .refine((a) => a.offset === undefined || a.paragraphId !== undefined, {
      message: 'an offset needs a paragraphId',
      path: ['offset'],
    }),
);

/**
 * A record whose values are built at first read (../once.ts): a host builds the
 * schema of a method when the method is first called, not all of them at start.
 */
function lazyTable<T extends Record<string, () => z.ZodType>>(
  table: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const out = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(table) as (keyof T)[])
    Object.defineProperty(out, key, { enumerable: true, get: once(table[key] as () => unknown) });
  return out;
}

/** Argument schemas, one per method, built at first use. Strict objects: unknown keys are refused. */
export const inputSchemas = lazyTable({
  getDocument: inDocument,
  getToc: inDocument,
  getSection: () => z.strictObject({ id, documentId }),
  getSections: getSectionsArgs,
  search: searchArgs,
  searchSuggestions: () => z.strictObject({ query: z.string().max(MAX_QUERY_LENGTH), documentId }),
  getGlossary: inDocument,
  getCitationSource: inDocument,
  getPrefs: () => empty,
  setPrefs: () => prefsSchema().partial(),
  getPosition: inDocument,
  /** `sectionId`: the section a route names (opened when the document has it). */
  getStart: () => z.strictObject({ sectionId: id.optional(), documentId }),
  setPosition: () =>
    z.strictObject({
      sectionId: id,
      scroll: z.number().min(SCROLL_RANGE.min).max(SCROLL_RANGE.max),
      documentId,
    }),

  // Bookmarks and annotations (user.sqlite).
  getNotices: () => empty,
  listBookmarks: () =>
    z.strictObject({ order: z.enum(['document', 'date']).optional(), documentId }),
  /** Bookmarks the section as a whole, or removes its section bookmark (position bookmarks stay). */
  toggleBookmark: () =>
    z.strictObject({ sectionId: id, label: labelSchema.optional(), documentId }),
  addBookmark: addBookmarkArgs,
  renameBookmark: () => z.strictObject({ id, label: labelSchema }),
  deleteBookmark: () => z.strictObject({ id }),
  restoreBookmark: () => z.strictObject({ id }),
  listAnnotations: () =>
    z.strictObject({
      sectionId: id.optional(),
      tag: tagSchema.optional(),
      color: colorSchema.optional(),
      /** The members of one passage across sections. */
      groupId: id.optional(),
      documentId,
    }),
  listMarkedSections: inDocument,
  /**
   * A highlight; a passage that ends in a later section becomes one highlight per
   * section it covers, linked by a group id (see Annotation in ./types.ts).
   */
  addAnnotation: () =>
    z.strictObject({
      startParagraphId: id,
      startOffset: offset,
      /** Defaults to the start paragraph; may be in a later section. */
      endParagraphId: id.optional(),
      endOffset: offset,
      color: colorSchema.optional(),
      note: noteSchema.optional(),
      tags: tagsSchema.optional(),
      documentId,
    }),
  addSectionNote: () =>
    z.strictObject({
      sectionId: id,
      note: noteSchema,
      color: colorSchema.optional(),
      tags: tagsSchema.optional(),
      documentId,
    }),
  updateAnnotation: () =>
    z.strictObject({
      id,
      color: colorSchema.optional(),
      note: noteSchema.optional(),
      tags: tagsSchema.optional(),
    }),
  /** `part`: only this member of a linked group (the rest stays), else the whole group. */
  deleteAnnotation: () => z.strictObject({ id, part: z.boolean().optional() }),
  restoreAnnotation: () => z.strictObject({ id, part: z.boolean().optional() }),
  searchNotes: searchNotesArgs,
  exportAnnotations: () =>
    z.strictObject({
      format: z.enum(EXPORT_FORMATS),
      /** The language of the export's words (default: the reader's interface language). */
      language: z.enum(LANGUAGES).optional(),
      documentId,
    }),
  // The file as text, or as its bytes (decoded with the rest of the import, away from
  // the request path: what the app and the browser edition send).
  importAnnotations: () =>
    z.union([
      z.strictObject({ body: z.string().max(MAX_IMPORT_BYTES), documentId }),
      z.strictObject({
        file: fileArg(MAX_IMPORT_FILE_BYTES),
        documentId,
      }),
    ]),
  /** The running import of notes (of the document named, default the bundled chapter's). */
  importProgress: inDocument,
  cancelImport: inDocument,
  listBackups: () => empty,
  restoreBackup: () => z.strictObject({ name: z.string().min(1).max(MAX_BACKUP_NAME_LENGTH) }),
  deleteBackup: () => z.strictObject({ name: z.string().min(1).max(MAX_BACKUP_NAME_LENGTH) }),
  createBackup: () => empty,
  getAppInfo: () => empty,

  // The library of imported documents (user.sqlite's list, one content database each).
  listDocuments: () => z.strictObject({ includeRemoved: z.boolean().optional() }),
  importDocument: () =>
    z.strictObject({
      /** The file's name (its extension helps tell the format); only the last segment is used. */
      name: z.string().min(1).max(MAX_DOCUMENT_NAME_LENGTH),
      /**
       * The file's bytes, as they are: a host passes what the reader chose, never a path
       * (the browser edition sends them as the request body, the rest as `?args=`).
       */
      file: fileArg(MAX_DOCUMENT_FILE_BYTES),
      title: oneLine(MAX_DOCUMENT_TITLE_LENGTH).min(1).optional(),
      /** A newer edition of this document: its notes are re-anchored in the new text. */
      editionOf: id.optional(),
      /** Never a new edition of a document of the same title: always a document of its own. */
      asNewDocument: z.boolean().optional(),
      /**
       * When the text's title is a document's of the library, wait for the reader to say
       * whether it is a newer edition of it (chooseDocumentImport) instead of taking it
       * as one. Without it the same title is a newer edition.
       */
      askOnSameTitle: z.boolean().optional(),
    }),
  importDocumentStatus: () =>
    z.strictObject({
      jobId: id,
      /** Wait up to this long (ms) for the next change before answering (default 0). */
      waitMs: z.number().int().min(0).max(MAX_STATUS_WAIT_MS).optional(),
    }),
  cancelDocumentImport: () => z.strictObject({ jobId: id }),
  /** The reader's answer to an import waiting on a document of the same title. */
  chooseDocumentImport: () => z.strictObject({ jobId: id, as: z.enum(['edition', 'document']) }),
  removeDocument: () =>
    z.strictObject({
      id,
      /** The reader confirmed: a host asks first, and says so here. */
      confirm: z.literal(true, 'removing a document needs confirm: true (ask the reader first)'),
    }),
  updateDocumentMetadata: () =>
    z.strictObject({
      id,
      title: oneLine(MAX_DOCUMENT_TITLE_LENGTH)
        .refine((t) => t.trim().length > 0, 'a title cannot be blank')
        .optional(),
      publisher: oneLine(MAX_DOCUMENT_PUBLISHER_LENGTH).optional(),
      year: oneLine(MAX_DOCUMENT_YEAR_LENGTH).optional(),
    }),
  searchLibrary: () =>
    z.strictObject({
      query: z.string().max(MAX_QUERY_LENGTH),
      /** Results per document (default DEFAULT_LIBRARY_SEARCH_LIMIT, at most search's bound). */
      limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional(),
      /** Narrow the search to these documents (default: the whole library). */
      documentIds: z.array(id).min(1).max(MAX_SEARCH_DOCUMENTS).optional(),
      /** Order of each group's text rows; default: the reader's `searchOrder` preference. */
      order: z.enum(SEARCH_ORDERS).optional(),
    }),
});

/** Result type of each method. */
export interface ApiResults {
  getDocument: DocumentInfo;
  getToc: TocEntry[];
  getSection: SectionView;
  /**
   * The sections named, in the order asked, each as getSection answers it; one id the
   * document does not have fails the whole call with `not_found` naming every such id.
   */
  getSections: SectionView[];
  search: SearchResponse;
  /** "Also search for …": other names of what the query names, when it found few hits. */
  searchSuggestions: SearchSuggestions;
  /** The document's abbreviations: defined in the text (with where), then editorial ones. */
  getGlossary: GlossaryEntry[];
  /** The book and the document's place in it, for citations (copy, exports). */
  getCitationSource: CitationSource;
  getPrefs: Prefs;
  setPrefs: Prefs;
  getPosition: ReadingPosition | null;
  /**
   * The start's first screen in one answer: the saved position (as getPosition answers it)
   * and the text of the section it opens and the few after it (as getSections answers them).
   */
  getStart: StartText;
  setPosition: ReadingPosition;
  /** What the reader must be told at start (damaged database recovered, orphaned notes, …). */
  getNotices: Notice[];
  listBookmarks: Bookmark[];
  /** `bookmark` is the new one, or the removed one (undo with restoreBookmark). */
  toggleBookmark: { bookmarked: boolean; bookmark: Bookmark };
  /** The new bookmark; `conflict` when that section or position is already bookmarked. */
  addBookmark: Bookmark;
  renameBookmark: Bookmark;
  deleteBookmark: Bookmark;
  restoreBookmark: Bookmark;
  /** In document order (orphans of a vanished section last). */
  listAnnotations: Annotation[];
  /** Sections with live bookmarks or notes, in reading order (sections not in the content left out). */
  listMarkedSections: MarkedSection[];
  /** The new highlight (across sections: the first member of its group). */
  addAnnotation: Annotation;
  addSectionNote: Annotation;
  /** The annotation as changed (a group member: every member changed alike). */
  updateAnnotation: Annotation;
  /**
   * The annotation removed (undo with restoreAnnotation, with the same `part`); a group
   * member removes its group, or only itself with `part`.
   */
  deleteAnnotation: Annotation;
  restoreAnnotation: Annotation;
  /** Hits in notes and tags, `kind: 'note'` with `annotationId`. */
  searchNotes: SearchResultItem[];
  /** W3C JSON-LD or Markdown as text, Word (.docx) as base64; dates in the host's time zone. */
  exportAnnotations: ExportFile;
  /**
   * Imports a W3C JSON-LD export: the file is read, checked and placed away from the
   * request path, then written in one transaction; per item added, unchanged, a
   * conflict (kept beside the stored note) or refused with its reason.
   */
  importAnnotations: ImportSummary;
  /** Where the running import is (null when none runs), for a progress bar. */
  importProgress: ImportProgress | null;
  /** Asks the running import to stop before it writes anything (false: none was running). */
  cancelImport: { cancelled: boolean };
  listBackups: BackupEntry[];
  restoreBackup: BackupEntry;
  /** Deletes one backup the reader chose (any kind); returns it. */
  deleteBackup: BackupEntry;
  /** A verified backup taken now (reason 'manual'), e.g. before trying something. */
  createBackup: BackupEntry;
  getAppInfo: AppInfo;
  /** The bundled chapter first, then imported documents by title (removed ones on request). */
  listDocuments: LibraryDocument[];
  /** Starts an import off the request path; follow it with importDocumentStatus. */
  importDocument: DocumentImportStatus;
  importDocumentStatus: DocumentImportStatus;
  /** Asks a running import to stop; nothing of it is kept. */
  cancelDocumentImport: DocumentImportStatus;
  /** The import goes on as a newer edition of the document found, or as a document of its own. */
  chooseDocumentImport: DocumentImportStatus;
  /** Removes a document's text from the library; its notes stay (listable, exportable). */
  removeDocument: LibraryDocument;
  /** Title, publisher and year as the reader wants them cited. */
  updateDocumentMetadata: LibraryDocument;
  /** One search across the library, grouped by document; each index loaded at first need. */
  searchLibrary: LibrarySearchResponse;
}

export type ApiMethod = keyof typeof inputSchemas & keyof ApiResults;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof inputSchemas)[M]>;
export type ApiParsedArgs<M extends ApiMethod> = z.output<(typeof inputSchemas)[M]>;
export type ApiResult<M extends ApiMethod> = ApiResults[M];

/** Every method name, for whitelists (preload, HTTP router). */
export const API_METHODS = Object.keys(inputSchemas) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(inputSchemas, name);
}

/** What the renderer sees: one async function per method. */
export type ApiClient = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };

/** What the core implements: one function per method, given already-validated arguments. */
export type ApiHandlers = {
  [M in ApiMethod]: (args: ApiParsedArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>;
};

/** Validates raw arguments against the method's schema; throws ApiError('invalid_input'). */
export function parseArgs<M extends ApiMethod>(method: M, raw: unknown): ApiParsedArgs<M> {
  const result = inputSchemas[method].safeParse(raw ?? {});
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw new ApiError('invalid_input', `${method}: ${first?.message ?? 'invalid input'}${where}`);
  }
  return result.data as ApiParsedArgs<M>;
}

/**
 * The single entry point every host uses: validate, call, and turn any failure into
 * an ApiError so that bad input never crashes a host.
 */
export async function invoke<M extends ApiMethod>(
  handlers: ApiHandlers,
  method: M,
  raw: unknown,
): Promise<ApiResult<M>> {
  if (!isApiMethod(method)) throw new ApiError('not_found', `unknown method: ${String(method)}`);
  const args = parseArgs(method, raw);
  try {
    return await (handlers[method] as (a: ApiParsedArgs<M>) => ApiResult<M>)(args);
  } catch (err) {
    throw asApiError(err, method);
  }
}

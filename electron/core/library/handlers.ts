// The contract methods of bookmarks, annotations, notices, notes search,
// export/import and backups, implemented over the library (user.sqlite) and the
// read-only content store. The core's createHandlers spreads these in, and every
// host reaches them only through the contract's `invoke`. Building them has no
// side effect: re-anchoring is a step of opening the core (./reanchor.ts).
import { ApiError } from '../../common/api/contract';
import type { Annotation, BackupEntry, Bookmark, MarkedSection } from '../../common/api/types';
import type { AnnotationRecord, BookmarkRecord } from '../../common/annotations/records';
import { DEFAULT_HIGHLIGHT_COLOR } from '../../common/rules/colors';
import { DEFAULT_SEARCH_LIMIT } from '../../common/rules/search';
import { Outline } from '../content/outline';
import type { ContentStore } from '../content/store-types';
import type { BackupInfo } from './backups';
import {
  bookmarkExcerpt,
  bookmarkSelectors,
  bookmarksInDocumentOrder,
  checkedPosition,
} from './bookmark-place';
import { annotationsInDocumentOrder } from './document-order';
import { exportNotes } from './export';
import { importAnnotations, ImportJobs } from './import';
import { inlineRunner, type ImportRunner } from './import-runner';
import type { SqliteLibrary } from './library';
import type { LibraryHandlers } from './methods';
import { noteSearchResults } from './note-hits';
import { passagePieces } from './passage-sections';
import { reanchorLibrary } from './reanchor';

export interface LibraryContext {
  library: SqliteLibrary;
  content: ContentStore;
  /** Where imports run (default: on the calling thread, in steps that yield). */
  importRunner?: ImportRunner;
  /** An imported document of the library (its exports link to it); absent: the bundled chapter. */
  documentId?: string;
}

/** A backup as the contract shows it (no file path). */
export const backupEntry = ({ name, createdAt, reason, bytes, kept }: BackupInfo): BackupEntry => ({
  name,
  createdAt,
  reason,
  bytes,
  kept,
});

export function createLibraryHandlers({
  library,
  content,
  importRunner,
  documentId,
}: LibraryContext): LibraryHandlers {
  const outline = new Outline(content.toc());
  const imports = new ImportJobs();
  const runner = importRunner ?? inlineRunner(() => library.db);

  const bookmarkView = (b: BookmarkRecord): Bookmark => ({
    ...b,
    excerpt: bookmarkExcerpt(content, b),
    path: outline.path(b.sectionId),
    exists: outline.has(b.sectionId),
  });
  const annotationView = (a: AnnotationRecord): Annotation => ({
    ...a,
    path: outline.path(a.sectionId),
  });
  const requireSection = (sectionId: string): void => {
    if (!outline.has(sectionId)) throw new ApiError('not_found', `no section ${sectionId}`);
  };
  const orderedBookmarks = (order: 'document' | 'date'): BookmarkRecord[] => {
    const list = library.bookmarks.list();
    return order === 'date' ? list : list.sort(bookmarksInDocumentOrder(outline, content));
  };
  const orderedAnnotations = (): AnnotationRecord[] =>
    library.annotations.list().sort(annotationsInDocumentOrder(outline));

  return {
    getNotices: () => library.startupNotices(),

    listBookmarks: ({ order }) => orderedBookmarks(order ?? 'document').map(bookmarkView),
    toggleBookmark: ({ sectionId, label }) => {
      const existing = library.bookmarks.forSection(sectionId);
      if (existing)
        return { bookmarked: false, bookmark: bookmarkView(library.bookmarks.delete(existing.id)) };
      requireSection(sectionId);
      return {
        bookmarked: true,
        bookmark: bookmarkView(library.bookmarks.add(sectionId, label ?? '')),
      };
    },
    addBookmark: ({ sectionId, paragraphId, offset, label }) => {
      requireSection(sectionId);
      const position = checkedPosition(content, sectionId, paragraphId, offset);
      return bookmarkView(library.bookmarks.add(sectionId, label ?? '', position));
    },
    renameBookmark: ({ id, label }) => bookmarkView(library.bookmarks.rename(id, label)),
    deleteBookmark: ({ id }) => bookmarkView(library.bookmarks.delete(id)),
    restoreBookmark: ({ id }) => bookmarkView(library.bookmarks.restore(id)),

    listAnnotations: ({ sectionId, tag, color, groupId }) =>
      orderedAnnotations()
        .filter(
          (a) =>
            (sectionId === undefined || a.sectionId === sectionId) &&
            (tag === undefined || a.tags.includes(tag)) &&
            (color === undefined || a.color === color) &&
            (groupId === undefined || a.groupId === groupId),
        )
        .map(annotationView),
    listMarkedSections: (): MarkedSection[] => {
      const bookmarks = library.bookmarks.countsBySection();
      const notes = library.annotations.countsBySection();
      return outline.toc
        .filter((entry) => bookmarks.has(entry.id) || notes.has(entry.id))
        .map((entry) => ({
          sectionId: entry.id,
          bookmarks: bookmarks.get(entry.id) ?? 0,
          notes: notes.get(entry.id) ?? 0,
        }));
    },
    addAnnotation: (args) => {
      // One piece per section the passage covers (./passage-sections.ts), stored
      // together: a passage within one section is one highlight, as always.
      const pieces = passagePieces(
        content,
        outline,
        { paragraphId: args.startParagraphId, offset: args.startOffset },
        { paragraphId: args.endParagraphId ?? args.startParagraphId, offset: args.endOffset },
      );
      const records = library.annotations.createGroup(
        pieces.map(({ sectionId, described }) => ({
          kind: 'highlight' as const,
          sectionId,
          color: args.color ?? DEFAULT_HIGHLIGHT_COLOR,
          note: args.note ?? '',
          tags: args.tags ?? [],
          target: {
            paragraphIds: described.paragraphIds,
            quote: {
              exact: described.quote.exact,
              prefix: described.quote.prefix,
              suffix: described.quote.suffix,
            },
            position: { start: described.position.start, end: described.position.end },
            ...described.range,
          },
          anchor: 'anchored' as const,
        })),
      );
      return annotationView(records[0] as AnnotationRecord);
    },
    addSectionNote: ({ sectionId, note, color, tags }) => {
      requireSection(sectionId);
      if (note.trim().length === 0 && (tags ?? []).length === 0)
        throw new ApiError('invalid_input', 'addSectionNote: write a note or a tag');
      return annotationView(
        library.annotations.create({
          kind: 'section-note',
          sectionId,
          color: color ?? DEFAULT_HIGHLIGHT_COLOR,
          note,
          tags: tags ?? [],
          target: null,
          anchor: 'anchored',
        }),
      );
    },
    updateAnnotation: ({ id, ...patch }) => annotationView(library.annotations.update(id, patch)),
    deleteAnnotation: ({ id, part }) => annotationView(library.annotations.delete(id, part)),
    restoreAnnotation: ({ id, part }) => annotationView(library.annotations.restore(id, part)),

    searchNotes: ({ query, limit }) =>
      noteSearchResults(library, outline, content, query, limit ?? DEFAULT_SEARCH_LIMIT),

    exportAnnotations: ({ format, language }) =>
      exportNotes(format, {
        content,
        outline,
        annotations: orderedAnnotations(),
        bookmarks: orderedBookmarks('document').map((b) => ({
          ...b,
          selectors: bookmarkSelectors(content, outline, b),
        })),
        generatedAt: library.now(),
        language: language ?? library.getPrefs().language,
        ...(documentId !== undefined ? { documentId } : {}),
      }),
    importAnnotations: (args) =>
      importAnnotations(library, content, 'file' in args ? args.file : args.body, {
        runner,
        jobs: imports,
      }),
    importProgress: () => imports.progress(),
    cancelImport: () => ({ cancelled: imports.cancel() }),

    listBackups: () => library.listBackups().map(backupEntry),
    createBackup: async () => backupEntry(await library.backupNow('manual')),
    restoreBackup: async ({ name }) => {
      if (imports.progress())
        throw new ApiError('conflict', 'an import is running; wait for it or cancel it first');
      const backup = await library.restoreBackup(name);
      // The restored notes were placed in the content of their day.
      reanchorLibrary(library, content);
      return backupEntry(backup);
    },
    deleteBackup: async ({ name }) => backupEntry(await library.deleteBackup(name)),
  };
}

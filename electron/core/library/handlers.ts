// The contract methods of bookmarks, annotations, notices, notes search,
// export/import and backups, implemented over the library (user.sqlite) and the
// read-only content store. The core's createHandlers spreads these in, and every
// host reaches them only through the contract's `invoke`. Building them has no
// side effect: re-anchoring is a step of opening the core (./reanchor.ts).
import { ApiError } from '../../common/api/contract';
import type { Annotation, BackupEntry, Bookmark } from '../../common/api/types';
import { AnchorRangeError, describePassage } from '../../common/anchoring/index';
import type { AnnotationRecord, BookmarkRecord } from '../../common/annotations/records';
import { DEFAULT_HIGHLIGHT_COLOR } from '../../common/rules/colors';
import { DEFAULT_SEARCH_LIMIT } from '../../common/rules/search';
import { Outline } from '../content/outline';
import type { ContentStore } from '../content/store-types';
import type { BackupInfo } from './backups';
import { annotationsInDocumentOrder, bookmarksInDocumentOrder } from './document-order';
import { exportNotes } from './export';
import { importAnnotations } from './import';
import type { SqliteLibrary } from './library';
import type { LibraryHandlers } from './methods';
import { noteSearchResults } from './note-hits';
import { reanchorAnnotations } from './reanchor';

export interface LibraryContext {
  library: SqliteLibrary;
  content: ContentStore;
  /** An imported document of the library (its exports link to it); absent: the bundled chapter. */
  documentId?: string;
}

/** A backup as the contract shows it (no file path). */
const backupEntry = ({ name, createdAt, reason, bytes }: BackupInfo): BackupEntry => ({
  name,
  createdAt,
  reason,
  bytes,
});

export function createLibraryHandlers({
  library,
  content,
  documentId,
}: LibraryContext): LibraryHandlers {
  const outline = new Outline(content.toc());

  const bookmarkView = (b: BookmarkRecord): Bookmark => ({
    ...b,
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
    return order === 'date' ? list : list.sort(bookmarksInDocumentOrder(outline));
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
    renameBookmark: ({ id, label }) => bookmarkView(library.bookmarks.rename(id, label)),
    deleteBookmark: ({ id }) => bookmarkView(library.bookmarks.delete(id)),
    restoreBookmark: ({ id }) => bookmarkView(library.bookmarks.restore(id)),

    listAnnotations: ({ sectionId, tag, color }) =>
      orderedAnnotations()
        .filter(
          (a) =>
            (sectionId === undefined || a.sectionId === sectionId) &&
            (tag === undefined || a.tags.includes(tag)) &&
            (color === undefined || a.color === color),
        )
        .map(annotationView),
    addAnnotation: (args) => {
      const start = content.paragraph(args.startParagraphId);
      if (!start) throw new ApiError('not_found', `no paragraph ${args.startParagraphId}`);
      const endId = args.endParagraphId ?? args.startParagraphId;
      const end = content.paragraph(endId);
      if (!end) throw new ApiError('not_found', `no paragraph ${endId}`);
      if (end.sectionId !== start.sectionId)
        throw new ApiError(
          'invalid_input',
          'addAnnotation: a passage must stay within one section',
        );
      const section = content.section(start.sectionId);
      let described;
      try {
        described = describePassage(section.paragraphs, {
          startParagraphId: start.id,
          startOffset: args.startOffset,
          endParagraphId: end.id,
          endOffset: args.endOffset,
        });
      } catch (err) {
        if (err instanceof AnchorRangeError)
          throw new ApiError('invalid_input', `addAnnotation: ${err.message}`);
        throw err;
      }
      const record = library.annotations.create({
        kind: 'highlight',
        sectionId: section.id,
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
        anchor: 'anchored',
      });
      return annotationView(record);
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
    deleteAnnotation: ({ id }) => annotationView(library.annotations.delete(id)),
    restoreAnnotation: ({ id }) => annotationView(library.annotations.restore(id)),

    searchNotes: ({ query, limit }) =>
      noteSearchResults(library, outline, content, query, limit ?? DEFAULT_SEARCH_LIMIT),

    exportAnnotations: ({ format, language }) =>
      exportNotes(format, {
        content,
        outline,
        annotations: orderedAnnotations(),
        bookmarks: orderedBookmarks('document'),
        generatedAt: library.now(),
        language: language ?? library.getPrefs().language,
        ...(documentId !== undefined ? { documentId } : {}),
      }),
    importAnnotations: ({ body }) => importAnnotations(library, content, body),

    listBackups: () => library.listBackups().map(backupEntry),
    createBackup: async () => backupEntry(await library.backupNow('manual')),
    restoreBackup: async ({ name }) => {
      const backup = await library.restoreBackup(name);
      // The restored notes were anchored against the content of their day.
      reanchorAnnotations(library, content);
      return backupEntry(backup);
    },
  };
}

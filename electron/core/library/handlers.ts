// The contract methods of bookmarks, annotations, notices, export/import and
// backups, implemented over the library (user.sqlite) and the read-only content
// store. The app's createHandlers spreads these in; the CLI calls the same
// handlers through `invoke`, so every host validates and behaves alike.
//
// At creation the handlers re-anchor every annotation against the current
// content (cheap when nothing changed: the stored position still holds the quote).
import { ApiError, type ApiHandlers } from '../../common/api/contract';
import { makeNotice } from '../../common/api/notices';
import type {
  Annotation,
  AnnotationTarget,
  Bookmark,
  ImportSummary,
  SearchResultItem,
  TocEntry,
} from '../../common/api/types';
import {
  anchorPassage,
  AnchorRangeError,
  describePassage,
  type AnchorResult,
} from '../../common/anchoring/index';
import { DEFAULT_HIGHLIGHT_COLOR } from '../../common/rules/colors';
import { DEFAULT_SEARCH_LIMIT } from '../../common/rules/search';
import { exportMarkdown } from '../../common/annotations/markdown';
import type { AnnotationRecord, BookmarkRecord } from '../../common/annotations/records';
import { exportW3c, ImportFormatError, parseW3c } from '../../common/annotations/w3c';
import type { ContentStore } from '../content/store-types';
import fs from 'node:fs';
import path from 'node:path';
import { openLibrary, type SqliteLibrary } from './library';
import { USER_DB_FILE } from './user-db';

export type LibraryMethod =
  | 'getNotices'
  | 'listBookmarks'
  | 'toggleBookmark'
  | 'renameBookmark'
  | 'deleteBookmark'
  | 'restoreBookmark'
  | 'listAnnotations'
  | 'addAnnotation'
  | 'addSectionNote'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'searchNotes'
  | 'exportAnnotations'
  | 'importAnnotations'
  | 'listBackups'
  | 'restoreBackup'
  | 'createBackup';

export type LibraryHandlers = Pick<ApiHandlers, LibraryMethod>;

// Every LibraryMethod once: a method missing here is a compile error.
const LIBRARY_METHOD_SET: Record<LibraryMethod, true> = {
  getNotices: true,
  listBookmarks: true,
  toggleBookmark: true,
  renameBookmark: true,
  deleteBookmark: true,
  restoreBookmark: true,
  listAnnotations: true,
  addAnnotation: true,
  addSectionNote: true,
  updateAnnotation: true,
  deleteAnnotation: true,
  restoreAnnotation: true,
  searchNotes: true,
  exportAnnotations: true,
  importAnnotations: true,
  listBackups: true,
  restoreBackup: true,
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

export interface LibraryContext {
  library: SqliteLibrary;
  content: ContentStore;
}

/** Outline facts computed once: document order and title paths. */
export class Outline {
  private readonly order = new Map<string, number>();
  private readonly entries = new Map<string, TocEntry>();
  constructor(toc: TocEntry[]) {
    toc.forEach((entry, i) => {
      this.order.set(entry.id, i);
      this.entries.set(entry.id, entry);
    });
  }
  has(sectionId: string): boolean {
    return this.entries.has(sectionId);
  }
  /** Position in reading order; sections not in this edition sort last. */
  rank(sectionId: string): number {
    return this.order.get(sectionId) ?? Number.MAX_SAFE_INTEGER;
  }
  path(sectionId: string): string[] {
    const titles: string[] = [];
    let entry = this.entries.get(sectionId);
    const seen = new Set<string>();
    while (entry && !seen.has(entry.id)) {
      seen.add(entry.id);
      titles.unshift(entry.title);
      entry = entry.parent ? this.entries.get(entry.parent) : undefined;
    }
    return titles;
  }
}

export function byDocumentOrder(outline: Outline) {
  return (a: AnnotationRecord, b: AnnotationRecord): number =>
    outline.rank(a.sectionId) - outline.rank(b.sectionId) ||
    (a.target?.position.start ?? -1) - (b.target?.position.start ?? -1) ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
}

export interface ReanchorSummary {
  checked: number;
  unchanged: number;
  moved: number;
  orphaned: number;
  recovered: number;
}

/** Re-anchors every live annotation against the current content; never deletes one. */
export function reanchorAnnotations(
  library: SqliteLibrary,
  content: ContentStore,
): ReanchorSummary {
  const outline = new Outline(content.toc());
  const summary: ReanchorSummary = {
    checked: 0,
    unchanged: 0,
    moved: 0,
    orphaned: 0,
    recovered: 0,
  };
  const sections = new Map<string, { id: string; text: string }[]>();
  const paragraphsOf = (sectionId: string) => {
    let ps = sections.get(sectionId);
    if (!ps) {
      ps = content.section(sectionId).paragraphs;
      sections.set(sectionId, ps);
    }
    return ps;
  };
  const toTarget = (result: AnchorResult): AnnotationTarget => {
    const q = result.quote as NonNullable<typeof result.quote>;
    const p = result.position as NonNullable<typeof result.position>;
    return {
      paragraphIds: result.paragraphIds ?? [],
      quote: { exact: q.exact, prefix: q.prefix, suffix: q.suffix },
      position: { start: p.start, end: p.end },
      ...(result.range as NonNullable<typeof result.range>),
    };
  };
  /**
   * A passage no longer in its section may have moved to another one (sections
   * re-cut or renamed by a content update). Only an unchanged quote that its
   * context supports counts, and only when exactly one section has it.
   */
  const elsewhere = (
    a: AnnotationRecord,
  ): { sectionId: string; target: AnnotationTarget } | null => {
    const target = a.target as AnnotationTarget;
    const found: { sectionId: string; target: AnnotationTarget }[] = [];
    for (const doc of content.searchDocs()) {
      if (doc.id === a.sectionId || !doc.paragraphs.some((p) => p.text.length > 0)) continue;
      if (!doc.paragraphs.some((p) => p.text.includes(target.quote.exact.split('\n')[0] ?? '')))
        continue;
      const result = anchorPassage(doc.paragraphs, {
        quote: { type: 'TextQuoteSelector', ...target.quote },
        position: null,
      });
      if (result.status === 'exact' || result.status === 'moved')
        found.push({ sectionId: doc.id, target: toTarget(result) });
      if (found.length > 1) return null;
    }
    return found[0] ?? null;
  };
  const orphan = (a: AnnotationRecord): void => {
    const moved = a.target ? elsewhere(a) : null;
    if (moved) {
      library.annotations.setAnchor(a.id, moved.target, 'anchored', moved.sectionId);
      if (a.anchor === 'orphan') summary.recovered += 1;
      else summary.moved += 1;
    } else if (a.anchor !== 'orphan') {
      library.annotations.setAnchor(a.id, a.target, 'orphan');
      summary.orphaned += 1;
    } else summary.unchanged += 1;
  };
  for (const a of library.annotations.list()) {
    summary.checked += 1;
    if (!outline.has(a.sectionId)) {
      orphan(a);
      continue;
    }
    if (a.target === null) {
      if (a.anchor === 'orphan') {
        library.annotations.setAnchor(a.id, null, 'anchored');
        summary.recovered += 1;
      } else summary.unchanged += 1;
      continue;
    }
    const result = anchorPassage(paragraphsOf(a.sectionId), {
      quote: { type: 'TextQuoteSelector', ...a.target.quote },
      position: { type: 'TextPositionSelector', ...a.target.position },
    });
    if (result.status === 'orphan') {
      orphan(a);
      continue;
    }
    const target = toTarget(result);
    if (a.anchor === 'anchored' && JSON.stringify(target) === JSON.stringify(a.target)) {
      summary.unchanged += 1;
      continue;
    }
    library.annotations.setAnchor(a.id, target, 'anchored');
    if (a.anchor === 'orphan') summary.recovered += 1;
    else summary.moved += 1;
  }
  return summary;
}

export function createLibraryHandlers({ library, content }: LibraryContext): LibraryHandlers {
  const outline = new Outline(content.toc());
  const reanchor = reanchorAnnotations(library, content);
  if (reanchor.orphaned > 0) {
    library.addNotice(
      makeNotice(
        'annotations_orphaned',
        { count: reanchor.orphaned },
        `${reanchor.orphaned} annotation(s) could not be found in the updated text. ` +
          'They are kept with their quoted passage in the annotations panel (marked as not found).',
      ),
    );
  }
  const documentInfo = content.document();

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
    if (order === 'date') return list;
    return list.sort(
      (a, b) =>
        outline.rank(a.sectionId) - outline.rank(b.sectionId) ||
        (a.createdAt < b.createdAt ? -1 : 1),
    );
  };
  const orderedAnnotations = (): AnnotationRecord[] =>
    library.annotations.list().sort(byDocumentOrder(outline));

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

    exportAnnotations: ({ format }) => {
      const generatedAt = library.now();
      const stamp = generatedAt.slice(0, 10);
      if (format === 'w3c') {
        return {
          filename: `hakusho-notes-${stamp}.jsonld`,
          mimeType: 'application/ld+json',
          body: exportW3c({
            document: documentInfo,
            annotations: orderedAnnotations(),
            bookmarks: orderedBookmarks('document'),
            generatedAt,
          }),
        };
      }
      return {
        filename: `hakusho-notes-${stamp}.md`,
        mimeType: 'text/markdown',
        body: exportMarkdown({
          document: documentInfo,
          annotations: orderedAnnotations().map((a) => ({ ...a, path: outline.path(a.sectionId) })),
          bookmarks: orderedBookmarks('document').map((b) => ({
            ...b,
            path: outline.path(b.sectionId),
          })),
          generatedAt,
        }),
      };
    },
    importAnnotations: async ({ body }) => {
      // A verified copy of the state before the import (an update may replace older copies of notes).
      await library.backupIfChanged('pre-import');
      const summary = importW3cInto(library, body);
      // Imported notes are re-anchored against this edition right away.
      const after = reanchorAnnotations(library, content);
      if (after.orphaned > 0)
        library.addNotice(
          makeNotice(
            'imported_annotations_orphaned',
            { count: after.orphaned },
            `${after.orphaned} imported annotation(s) could not be placed in this edition and are kept as not found.`,
          ),
        );
      await library.idle();
      return summary;
    },

    listBackups: () =>
      library
        .listBackups()
        .map(({ name, createdAt, reason, bytes }) => ({ name, createdAt, reason, bytes })),
    createBackup: async () => {
      const { name, createdAt, reason, bytes } = await library.backupNow('manual');
      return { name, createdAt, reason, bytes };
    },
    restoreBackup: async ({ name }) => {
      const backup = await library.restoreBackup(name);
      reanchorAnnotations(library, content);
      return {
        name: backup.name,
        createdAt: backup.createdAt,
        reason: backup.reason,
        bytes: backup.bytes,
      };
    },
  };
}

/** Parses and stores a W3C export in one transaction: all or nothing, idempotent. */
export function importW3cInto(library: SqliteLibrary, body: string): ImportSummary {
  let parsed;
  try {
    parsed = parseW3c(body);
  } catch (err) {
    if (err instanceof ImportFormatError)
      throw new ApiError('invalid_input', `import: ${err.message}`);
    throw err;
  }
  const summary: ImportSummary = {
    annotationsAdded: 0,
    annotationsUpdated: 0,
    annotationsUnchanged: 0,
    bookmarksAdded: 0,
    bookmarksUnchanged: 0,
  };
  library.write(() => {
    for (const a of parsed.annotations) {
      const outcome = library.annotations.importRecord(a);
      if (outcome === 'added') summary.annotationsAdded += 1;
      else if (outcome === 'updated') summary.annotationsUpdated += 1;
      else summary.annotationsUnchanged += 1;
    }
    for (const b of parsed.bookmarks) {
      if (library.bookmarks.importRecord(b)) summary.bookmarksAdded += 1;
      else summary.bookmarksUnchanged += 1;
    }
  });
  return summary;
}

/** Note hits as search results (`kind: 'note'`), with the annotated passage for highlighting. */
export function noteSearchResults(
  library: SqliteLibrary,
  outline: Outline,
  content: ContentStore,
  query: string,
  limit: number,
): SearchResultItem[] {
  const hits = library.searchNotes(query, limit);
  const out: SearchResultItem[] = [];
  for (const hit of hits) {
    let annotation: AnnotationRecord;
    try {
      annotation = library.annotations.get(hit.id);
    } catch {
      continue;
    }
    const path = outline.path(hit.sectionId);
    const target = annotation.anchor === 'anchored' ? annotation.target : null;
    const ranges = target ? passageRanges(content, target) : [];
    out.push({
      kind: 'note',
      sectionId: hit.sectionId,
      title: path[path.length - 1] ?? hit.sectionId,
      path,
      paragraphId: target ? target.startParagraphId : null,
      snippet: hit.snippet,
      highlights: hit.highlights,
      hits: hit.hits,
      score: hit.score,
      ranges,
      annotationId: hit.id,
    });
  }
  return out;
}

/** The passage of a highlight as one range per paragraph. */
function passageRanges(
  content: ContentStore,
  target: NonNullable<AnnotationRecord['target']>,
): { paragraphId: string; start: number; end: number }[] {
  return target.paragraphIds.map((pid) => {
    const length = content.paragraph(pid)?.text.length ?? 0;
    const start = pid === target.startParagraphId ? target.startOffset : 0;
    const end = pid === target.endParagraphId ? target.endOffset : length;
    return { paragraphId: pid, start, end };
  });
}

/**
 * Note hits of the profile in `userDataDir`, for hosts that search without the
 * full handlers (the CLI's `search`). No profile yet: no notes, and none is created.
 */
export function searchNotesInProfile(
  userDataDir: string,
  content: ContentStore,
  query: string,
  limit: number,
): SearchResultItem[] {
  if (!fs.existsSync(path.join(userDataDir, USER_DB_FILE))) return [];
  const library = openLibrary(userDataDir, { autoBackup: false });
  try {
    return noteSearchResults(library, new Outline(content.toc()), content, query, limit);
  } finally {
    library.close();
  }
}

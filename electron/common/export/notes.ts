// What an export of notes and bookmarks says, whatever its format: plain data in
// (the records, the outline, the document and its citation data), the same
// arrangement out for Markdown (./markdown.ts) and Word (electron/core/export/docx.ts)
// — sections in reading order, each opened by the headings of its path that are not
// open yet, annotations with their citation and links, then the bookmarks — and the
// words in the reader's language. Formats only lay this out.
import { stripInvisibleControls as strip } from '../annotations/fields';
import type { AnnotationRecord, BookmarkRecord } from '../annotations/records';
import type { BookmarkSelectors } from '../annotations/w3c';
import type { Language, TocEntry } from '../api/types';
import {
  bookLine,
  citationFor,
  type Citation,
  type PageSpan,
  type PathStep,
} from '../citation/cite';
import { passagePages, type PagedSection, type SectionLookup } from '../citation/pages';
import type { CitationSource } from '../citation/source';
import { deepLink } from '../deep-link';
import { translate } from '../i18n/format';
import type { MessageKey } from '../i18n/messages';
import { checkTimeZone, formatLocalDateTime, localTimeZone } from './datetime';

export interface NotesExportInput {
  /** The interface language: every word of the export is in it (the book's text stays Japanese). */
  language: Language;
  /** IANA time zone of the dates (default: this machine's). */
  timeZone?: string;
  /** When the export is made (ISO 8601). */
  generatedAt: string;
  document: { title: string; titleEn?: string; attribution: string };
  /** An imported document of the library: its links carry its id (absent: the bundled chapter). */
  documentId?: string;
  citation: CitationSource;
  /** The outline in reading order. */
  outline: readonly Pick<TocEntry, 'id' | 'title' | 'parent'>[];
  annotations: readonly AnnotationRecord[];
  /** With a position bookmark's selectors in the current content (its text is quoted). */
  bookmarks: readonly (BookmarkRecord & { selectors?: BookmarkSelectors | null })[];
  /**
   * A section's paragraphs and page markers (an imported paged document), for the pages
   * a quote's citation names ("p. 12"); undefined for a section that cannot be read.
   * Absent, or a source without page markers (the bundled chapter): no pages.
   */
  sections?: SectionLookup;
}

export interface ExportHeading {
  title: string;
  /** 1 for a top section. */
  level: number;
}

export interface ExportAnnotation {
  record: AnnotationRecord;
  /** "ハイライト", "Section note". */
  kind: string;
  /** The colour's name: "黄", "blue". */
  color: string;
  /** The local time it was last changed. */
  updated: string;
  /** The quoted passage (highlights), or null. */
  quote: string | null;
  citation: Citation;
  /** hakusho-reader://… (null for an id no link can carry). */
  deepLink: string | null;
  /**
   * A later piece of a highlight across sections: its note and tags are given once,
   * with the first piece, and this one says it continues it.
   */
  continued: boolean;
}

export interface ExportGroup {
  sectionId: string;
  /** Headings to open before this group (the ones its path does not share with the previous). */
  headings: ExportHeading[];
  annotations: ExportAnnotation[];
}

export interface ExportBookmark {
  record: BookmarkRecord;
  /** The section's path joined for reading. */
  title: string;
  /** The text at a position bookmark (null: a bookmark of the whole section). */
  excerpt: string | null;
  deepLink: string | null;
}

export interface ArrangedNotes {
  language: Language;
  words: Words;
  title: string;
  /** "経済産業省『通商白書2023』第Ⅲ部第2章「各国戦略」" */
  book: string;
  /** The local time of the export. */
  generated: string;
  groups: ExportGroup[];
  bookmarks: ExportBookmark[];
  attribution: string;
}

export interface Words {
  notesAndBookmarks: string;
  exported: (when: string, notes: number, bookmarks: number) => string;
  highlight: string;
  sectionNote: string;
  colors: Record<AnnotationRecord['color'], string>;
  separator: string;
  updated: (when: string) => string;
  orphan: string;
  continued: string;
  tags: string;
  tagSeparator: string;
  openInApp: string;
  /** The link to the page of the passage's section on the publisher's site. */
  sourcePage: string;
  bookmarks: string;
  /** Where a position bookmark is: the text at it. */
  bookmarkAt: (text: string) => string;
  notInEdition: (sectionId: string) => string;
  pathSeparator: string;
}

/** The export's words in `language`, from the one string table (../i18n). */
export function exportWords(language: Language, publisher: string): Words {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  return {
    notesAndBookmarks: t('exportNotesTitle'),
    exported: (when, notes, bookmarks) => t('exportGenerated', { when, notes, bookmarks }),
    highlight: t('exportHighlight'),
    sectionNote: t('exportSectionNote'),
    colors: {
      yellow: t('colorYellow'),
      green: t('colorGreen'),
      blue: t('colorBlue'),
      pink: t('colorPink'),
      purple: t('colorPurple'),
    },
    separator: t('exportSeparator'),
    updated: (when) => t('exportUpdated', { when }),
    orphan: t('exportOrphan'),
    continued: t('exportContinued'),
    tags: t('exportTags'),
    tagSeparator: t('exportTagSeparator'),
    openInApp: t('exportOpenInApp'),
    sourcePage: t('exportSourcePage', { publisher }),
    bookmarks: t('exportBookmarks'),
    bookmarkAt: (text) => t('exportBookmarkAt', { text }),
    notInEdition: (id) => t('exportNotInEdition', { id }),
    pathSeparator: t('exportPathSeparator'),
  };
}

/**
 * The printed pages of each quote, by the rule a copy's citation follows (the passage's
 * start and end in its section). An orphan's offsets are those of another edition: no
 * page for it. Each section is read once per export.
 */
function quotePages(input: NotesExportInput): (record: AnnotationRecord) => PageSpan | null {
  const read = input.sections;
  if (!read) return () => null;
  const order = input.outline.map((s) => s.id);
  const cache = new Map<string, PagedSection | undefined>();
  const lookup: SectionLookup = (id) => {
    if (!cache.has(id)) cache.set(id, read(id));
    return cache.get(id);
  };
  return (record) => {
    const target = record.target;
    if (!target || record.anchor !== 'anchored') return null;
    return passagePages(
      order,
      lookup,
      {
        sectionId: record.sectionId,
        paragraphId: target.startParagraphId,
        offset: target.startOffset,
      },
      { sectionId: record.sectionId, paragraphId: target.endParagraphId, offset: target.endOffset },
    );
  };
}

/** Arranges the export (validates the time zone first: a bad one is an error, not UTC). */
export function arrangeNotes(input: NotesExportInput): ArrangedNotes {
  const language = input.language;
  const words = exportWords(
    language,
    language === 'en'
      ? (input.citation.publisherEn ?? input.citation.publisher)
      : input.citation.publisher,
  );
  const timeZone = checkTimeZone(input.timeZone ?? localTimeZone());
  const when = (iso: string) => formatLocalDateTime(iso, language, timeZone);
  const order = new Map(input.outline.map((s, i) => [s.id, i]));
  const byId = new Map(input.outline.map((s) => [s.id, s]));
  const pathOf = (id: string): PathStep[] => {
    const path: PathStep[] = [];
    const seen = new Set<string>();
    for (
      let s = byId.get(id);
      s && !seen.has(s.id);
      s = s.parent ? byId.get(s.parent) : undefined
    ) {
      seen.add(s.id);
      path.unshift({ id: s.id, title: s.title });
    }
    return path;
  };
  const rank = (sectionId: string) => order.get(sectionId) ?? Number.MAX_SAFE_INTEGER;
  const pagesOf = quotePages(input);

  // The reader's words as they read: notes are stripped of bidi overrides and C1
  // controls at input, and a record stored before that rule is stripped here too.
  const sorted = input.annotations
    .map((r) => ({ ...r, note: strip(r.note), tags: r.tags.map(strip) }))
    .sort((a, b) => rank(a.sectionId) - rank(b.sectionId));
  const groups: ExportGroup[] = [];
  const groupsSeen = new Set<string>();
  let open: string[] = [];
  for (const record of sorted) {
    const continued = record.groupId !== null && groupsSeen.has(record.groupId);
    if (record.groupId !== null) groupsSeen.add(record.groupId);
    let group = groups[groups.length - 1];
    if (!group || group.sectionId !== record.sectionId) {
      const path = pathOf(record.sectionId);
      let headings: ExportHeading[];
      if (path.length === 0) {
        headings = [{ title: words.notInEdition(record.sectionId), level: 1 }];
        open = [];
      } else {
        let shared = 0;
        while (shared < path.length && open[shared] === path[shared]?.id) shared++;
        headings = path.slice(shared).map((s, i) => ({ title: s.title, level: shared + i + 1 }));
        open = path.map((s) => s.id);
      }
      group = { sectionId: record.sectionId, headings, annotations: [] };
      groups.push(group);
    }
    group.annotations.push({
      record,
      kind: record.kind === 'highlight' ? words.highlight : words.sectionNote,
      color: words.colors[record.color],
      updated: when(record.updatedAt),
      quote: record.target?.quote.exact ?? null,
      citation: citationFor(input.citation, pathOf(record.sectionId), language, pagesOf(record)),
      deepLink: deepLink(record.sectionId, record.id, input.documentId),
      continued,
    });
  }

  const bookmarks = input.bookmarks
    .map((r) => ({ ...r, label: strip(r.label) }))
    .sort((a, b) => rank(a.sectionId) - rank(b.sectionId))
    .map((record) => {
      const path = pathOf(record.sectionId);
      return {
        record,
        title:
          path.length > 0
            ? path.map((s) => s.title).join(words.pathSeparator)
            : words.notInEdition(record.sectionId),
        excerpt: record.selectors?.quote.exact ?? null,
        deepLink: deepLink(record.sectionId, undefined, input.documentId),
      };
    });

  const documentTitle =
    language === 'en' ? (input.document.titleEn ?? input.document.title) : input.document.title;
  const title =
    language === 'ja'
      ? `『${input.citation.edition}』${documentTitle}\u3000${words.notesAndBookmarks}`
      : `『${input.citation.edition}』 ${documentTitle}: ${words.notesAndBookmarks}`;
  return {
    language,
    words,
    title,
    book: bookLine(input.citation, language),
    generated: words.exported(
      when(input.generatedAt),
      input.annotations.length,
      input.bookmarks.length,
    ),
    groups,
    bookmarks,
    attribution: input.document.attribution,
  };
}

// Domain types shared by every layer (core, hosts, renderer). Pure types only.
// All text offsets anywhere in the project are UTF-16 code units into a
// paragraph's display text. Types whose values are a rule (colours, preference
// values) are derived from ../rules, where the values are defined once.
import type { HighlightColor } from '../rules/colors';
import type { SearchSuggestion } from '../glossary/other-names';
import type { ExportEncoding } from '../rules/exports';
import type { SearchOrder } from '../rules/search';

export type { HighlightColor } from '../rules/colors';
export type { ExportEncoding, ExportFormat } from '../rules/exports';
export type { DefinitionSite, GlossaryEntry } from '../glossary/types';
export type { CitationSource } from '../citation/source';
export type { SearchSuggestion } from '../glossary/other-names';
export type { FontFamily, Language, Prefs, ReadingMode, Theme, WritingMode } from '../rules/prefs';
export type { SearchOrder } from '../rules/search';

/** Kind of a section in the outline, from the largest to the smallest. */
export type SectionKind = 'chapter' | 'part' | 'topic' | 'dated';

export interface DocumentInfo {
  id: string;
  title: string;
  /** The title in English, when the metadata gives one (exports in English use it). */
  titleEn?: string;
  publisher: string;
  edition: string;
  sourceFile: string;
  sourceSha256: string;
  /** Attribution line required by METI's terms of use, e.g. 「通商白書2023」（経済産業省）を加工して作成 */
  attribution: string;
}

/**
 * One heading of the outline. Peers share `kind` and `level` (an editorial heading,
 * `editorial: true`, title in ［］, is styled as its peers of the same kind and
 * level, with a marker only).
 */
export interface TocEntry {
  id: string;
  /** Depth in the outline, from 1. */
  level: number;
  title: string;
  /** Supplied by the editors (not in the source text); its title is in ［］. */
  editorial: boolean;
  parent: string | null;
  kind: SectionKind;
}

export interface Paragraph {
  id: string;
  text: string;
}

export interface SectionView {
  id: string;
  level: number;
  title: string;
  editorial: boolean;
  kind: SectionKind;
  /** Titles from the top of the outline down to and including this section. */
  path: string[];
  paragraphs: Paragraph[];
  children: string[];
  prev: string | null;
  next: string | null;
  /**
   * An imported paged document (PDF, EPUB with a page list): where each printed page
   * begins in this section's paragraphs (UTF-16 offset into the paragraph), for "p. 12"
   * in the margin, in a copy and in a citation. Absent for the bundled chapter.
   */
  pageMarkers?: PageMarker[];
  /** An imported document: its paragraphs that are footnotes or captions (shown apart). */
  roles?: Record<string, 'footnote' | 'caption'>;
}

export interface PageMarker {
  paragraphId: string;
  offset: number;
  /** What the page prints ("12", "iv"; its physical number when it prints none). */
  label: string;
}

/** One search hit range inside a paragraph's display text (paragraphId null: in the title). */
export interface HitRange {
  paragraphId: string | null;
  start: number;
  end: number;
}

export interface SearchResultItem {
  kind: 'text' | 'note';
  sectionId: string;
  title: string;
  path: string[];
  /** Paragraph of the first hit (null when the first hit is in the title). */
  paragraphId: string | null;
  snippet: string;
  /** [start, end) ranges into `snippet`. */
  highlights: [number, number][];
  /** Number of hits in the section. */
  hits: number;
  score: number;
  /** Every hit in the section, for highlighting in the reading pane. */
  ranges: HitRange[];
  /** Set when kind === 'note'. */
  annotationId?: string;
}

/** One hit of the whole document (display offsets; paragraphId null: in the section's title). */
export interface DocumentHit {
  sectionId: string;
  paragraphId: string | null;
  start: number;
  end: number;
}

/** What `search` answers: the result rows and every hit of the document. */
export interface SearchResponse {
  /** The query as asked. */
  query: string;
  /** The order of the text rows (the caller's, or the reader's `searchOrder` preference). */
  order: SearchOrder;
  /**
   * The terms the query was read as (normalized; a quoted phrase is one term), in
   * the order typed. Empty: nothing to search. All must occur in a section.
   */
  terms: string[];
  /**
   * The rows: text sections in `order` (at most `limit` of them), then hits in the
   * reader's notes (kind 'note', at most `limit`).
   */
  results: SearchResultItem[];
  /**
   * Every text hit of the whole document in document order, section by section
   * (a section's title hits first, then its paragraphs in reading order), whatever
   * `limit` and `order`: what next/previous hit (F3) walks. At most
   * MAX_DOCUMENT_HITS (rules/search.ts); `truncated` past it.
   */
  hits: DocumentHit[];
  /** Text hits in the whole document (all of them, even when `hits` is truncated). */
  totalHits: number;
  /** Sections of the text with a hit (all of them, even past `limit`). */
  totalSections: number;
  /** `hits` stops at MAX_DOCUMENT_HITS. */
  truncated: boolean;
}
export interface ReadingPosition {
  sectionId: string;
  /** Fraction 0..1 of the reading pane's scroll range, in the reading direction. */
  scroll: number;
}

/** What a start draws first, in one answer: the saved position and the text it opens at. */
export interface StartText {
  /** The saved reading position (null: none, or in a section the document no longer has). */
  position: ReadingPosition | null;
  /**
   * The section the start opens: the one asked for when the document has it, else the
   * saved position's, else the first (null: an empty outline).
   */
  opening: string | null;
  /** The opening section and the few after it (rules/start-window.ts), in reading order. */
  sections: SectionView[];
}

/** Something the reader must be told about (e.g. a damaged database moved aside at start). */
export interface Notice {
  /** Stable code (see ./notices.ts NOTICE_CODES); a renderer words known codes itself. */
  code: string;
  /** English text, for the CLI and logs, and the fallback for codes a renderer does not know. */
  message: string;
  /** Files involved (moved-aside database, backup used), for the message. */
  paths?: string[];
  /** The facts of this case by name (NoticeParamsByCode in ./notices.ts), for localized text. */
  params?: Record<string, string | number>;
}

// ---- bookmarks and annotations (user.sqlite) -------------------------------

/** A highlight of a passage, or a note on a whole section. */
export type AnnotationKind = 'highlight' | 'section-note';
/** Orphan: the passage could not be found again in the current content; the quote is kept. */
export type AnchorState = 'anchored' | 'orphan';

/**
 * A bookmark: a section (paragraphId and offset null), or a position in it — the
 * place before the UTF-16 code unit `offset` of paragraph `paragraphId`'s display
 * text. A section has at most one section bookmark and any number of position
 * bookmarks (one per position).
 */
export interface Bookmark {
  id: string;
  sectionId: string;
  /** Null: the whole section. */
  paragraphId: string | null;
  /** UTF-16 offset into the paragraph's display text (null with paragraphId). */
  offset: number | null;
  label: string;
  /**
   * The text at a position bookmark (up to BOOKMARK_EXCERPT_LENGTH characters
   * from the offset, within its paragraph); '' for a section bookmark, or when
   * the paragraph is not in the current content (then open the section's top).
   */
  excerpt: string;
  createdAt: string;
  updatedAt: string;
  /** Title path of the section in the current content (empty when the section no longer exists). */
  path: string[];
  /** False when the section is not in the current content. */
  exists: boolean;
  /** The imported document it belongs to (absent: the bundled chapter). */
  documentId?: string;
}

/** Where a highlight is: W3C TextQuoteSelector + TextPositionSelector, and the paragraph range. */
export interface AnnotationTarget {
  paragraphIds: string[];
  quote: { exact: string; prefix: string; suffix: string };
  /** UTF-16 offsets into the section text (paragraphs joined by "\n"). */
  position: { start: number; end: number };
  startParagraphId: string;
  startOffset: number;
  endParagraphId: string;
  endOffset: number;
}

/**
 * A highlight or a section note. A passage selected across sections is stored as
 * one highlight per section it covers (each drawable on its own), linked by the
 * same `groupId`: a change of colour, note or tags applies to every member, and
 * deleting (or restoring) one deletes (restores) the group.
 */
export interface Annotation {
  id: string;
  kind: AnnotationKind;
  sectionId: string;
  /** The group of a passage that crosses sections (null: on its own). */
  groupId: string | null;
  color: HighlightColor;
  /** Plain text, may be multi-line, up to 20,000 characters. */
  note: string;
  tags: string[];
  /** Null for a section note. */
  target: AnnotationTarget | null;
  anchor: AnchorState;
  createdAt: string;
  updatedAt: string;
  /**
   * Set on an imported copy that conflicts with a stored note of the same id (other
   * content): the id of that note, which the import left as it was.
   */
  conflictOf?: string;
  /** Title path of the section in the current content (empty when the section no longer exists). */
  path: string[];
  /** The imported document it belongs to (absent: the bundled chapter). */
  documentId?: string;
}

/** A section holding bookmarks or notes, for marking the outline. */
export interface MarkedSection {
  sectionId: string;
  /** Live bookmarks in the section (section and position bookmarks). */
  bookmarks: number;
  /** Live highlights and section notes in the section. */
  notes: number;
}

export interface BackupEntry {
  name: string;
  createdAt: string;
  reason: string;
  bytes: number;
  /** Kept until the reader deletes it (manual, before a restore, before an import). */
  kept: boolean;
}

/** An export to save: text as it is, or bytes (a .docx) in base64. */
export interface ExportFile {
  filename: string;
  mimeType: string;
  encoding: ExportEncoding;
  body: string;
}

/** What an import did with the items of one kind. */
export interface ImportCounts {
  /** New to this profile (or a deleted copy brought back unchanged). */
  added: number;
  /** Already stored with the same content: nothing to do. */
  unchanged: number;
  /**
   * Stored with the same id but other content. The stored one is never replaced: an
   * annotation is kept as a marked copy beside it (`conflictOf`); a bookmark keeps
   * the stored label.
   */
  conflicts: number;
  /** Not stored, each with its reason in `details`. */
  refused: number;
}

/** One item of the file that was not simply added or unchanged. */
export interface ImportItemReport {
  /** 1-based position of the item in the file. */
  item: number;
  kind: 'annotation' | 'bookmark';
  /** The item's id as the file names it ('' when it has none). */
  id: string;
  outcome: 'conflict' | 'refused';
  reason: string;
  /** For a conflicting annotation: the id of the copy stored beside the original. */
  copyId?: string;
}

export interface ImportSummary {
  /** Totals over annotations and bookmarks. */
  added: number;
  unchanged: number;
  conflicts: number;
  refused: number;
  annotations: ImportCounts;
  bookmarks: ImportCounts;
  /** Imported highlights whose passage is not in this edition: stored as orphans, with their quote. */
  orphaned: number;
  /** Every conflict and refusal in file order, up to a limit; `moreDetails` counts the rest. */
  details: ImportItemReport[];
  moreDetails: number;
  /** The backup taken before anything was written (kept until the reader deletes it), if any. */
  backup: string | null;
  /** True when the reader cancelled the import: then nothing was stored. */
  cancelled: boolean;
}

/** Where a running import is (`importProgress`); null when none is running. */
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'placing' | 'backing-up' | 'writing';
  /** Items done in this phase, of `total` (0 of 0 while the file is read). */
  done: number;
  total: number;
  /** ISO time the import started. */
  startedAt: string;
  /** The reader asked to cancel; the import stops before it writes anything. */
  cancelling: boolean;
}

/**
 * "Also search for …" for a query: its own count of hits in the text, and the same
 * query with a name written the other ways (表記ゆれ, the glossary's pairs), each with
 * its count — offered when the query found few hits, never mixed into its results.
 */
export interface SearchSuggestions {
  query: string;
  /** Hits of the query in the text (the sum over its text results). */
  hits: number;
  suggestions: SearchSuggestion[];
}

/** Which host answers the contract (the renderer's menus and help texts differ slightly). */
export type HostKind = 'electron' | 'browser' | 'cli';

/** Startup notices shown in the About box and at start; the same shape as Notice. */
export type AppNotice = Notice;

/** Help → About: product, version and the source attribution METI's terms of use require. */
export interface AppInfo {
  productName: string;
  version: string;
  host: HostKind;
  /** The source document as the content DB records it. */
  document: Pick<DocumentInfo, 'title' | 'publisher' | 'edition' | 'sourceSha256'>;
  /** 出典 line, e.g. 出典：「通商白書2023」（経済産業省） */
  source: string;
  /** Statement that the text was edited, e.g. 「通商白書2023」（経済産業省）を加工して作成 */
  attribution: string;
  /** What was edited, in Japanese and English, for the About box. */
  editingNote: { ja: string; en: string };
  /** Search available (false when the content DB has no index). */
  searchAvailable: boolean;
  /** Where the reader's data lives (user.sqlite folder). */
  userDataDir: string;
  /**
   * The reader's notes can be read but not changed this session (user.sqlite or its
   * folder is read-only, or another process holds it): editing controls are off.
   */
  notesReadOnly: boolean;
  notices: AppNotice[];
}

// The library of imported documents: ./library-types.ts.
export type * from './library-types';

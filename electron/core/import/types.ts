// What every format adapter produces: the ingest's input for an imported file.
// Adapters only extract (text, structure hints, pages); cleaning the text, building
// the outline and writing the database happen once, for all formats, in
// ./structure.ts and ./import.ts — with the bundled chapter's own rules.
import type { WritingMode } from '../../common/api/types';
import type { ImportLimits } from './limits';

export type SourceFormat = 'pdf' | 'html' | 'epub' | 'text' | 'markdown';

/**
 * body: reading text. heading: an outline entry (level 1 = top). footnote and caption:
 * kept apart from the body (paragraph_roles), in reading order after the paragraph
 * they interrupted.
 */
export type BlockRole = 'heading' | 'body' | 'footnote' | 'caption';

export interface ImportBlock {
  role: BlockRole;
  /** Heading level, 1 = top (headings only; 0 otherwise). */
  level: number;
  /**
   * The block's text as extracted, one entry per line (PDF lines, `<br>` breaks,
   * text lines). Joined by the ingest's rules (line breaks inside sentences, spaced
   * characters, U+FFFD): the adapter never "corrects" the words.
   */
  lines: string[];
  /** Paged sources: the physical page (1-based) of each line, same length as `lines`. */
  pages?: number[];
}

export interface ExtractedDocument {
  format: SourceFormat;
  /** How the text was encoded ('utf-8', 'shift_jis', 'pdf', 'epub' …): documents.source_encoding. */
  encoding: string;
  /** The title the file gives itself (PDF Title, <title>, dc:title), if any. */
  title: string | null;
  publisher: string | null;
  author: string | null;
  /** Publication date or year as given (edition in the documents table). */
  date: string | null;
  /** The document's own default direction (vertical EPUBs, vertical PDFs). */
  writingMode: WritingMode;
  blocks: ImportBlock[];
  /** Printed label of each physical page (index 0 = page 1), for paged sources. */
  pageLabels: string[] | null;
  /** One-line notes for the reader (e.g. "pages 3, 7: no text (images only)"). */
  warnings: string[];
}

export type ImportPhase = 'read' | 'parse' | 'pages' | 'structure' | 'index' | 'write' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** Units done and total in this phase (pages for 'pages'; 0/1 otherwise). */
  done: number;
  total: number;
}

/** What an adapter gets besides the bytes. */
export interface AdapterContext {
  /** The file's name as shown in messages. */
  name: string;
  limits: ImportLimits;
  signal?: AbortSignal;
  progress: (progress: ImportProgress) => void;
}

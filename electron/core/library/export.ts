// Exporting the reader's notes and bookmarks, in document order: W3C Web Annotation
// JSON-LD (lossless, what import reads back), Markdown to read and share, or a Word
// document (.docx) to paste from — the last two written for a reader, in the interface
// language, with local dates (this host's time zone), the book's citation and links
// to the passage in the app and to the source's page (and, for a paged source, the
// printed pages of each quote). Named by the local day of
// export. Text goes as it is, the .docx as base64 (the contract carries JSON); a body
// over MAX_EXPORT_CHARS is refused rather than handed to a host.
import { ApiError } from '../../common/api/contract';
import type { ExportFile, Language } from '../../common/api/types';
import type { AnnotationRecord, BookmarkRecord } from '../../common/annotations/records';
import { exportW3c, type BookmarkSelectors } from '../../common/annotations/w3c';
import { checkTimeZone, localDateStamp, localTimeZone } from '../../common/export/datetime';
import { exportNotesMarkdown } from '../../common/export/markdown';
import type { NotesExportInput } from '../../common/export/notes';
import {
  EXPORT_EXTENSIONS,
  EXPORT_MIME_TYPES,
  MAX_EXPORT_CHARS,
  type ExportFormat,
} from '../../common/rules/exports';
import { citationSourceOf } from '../citation/read';
import type { Outline } from '../content/outline';
import type { ContentStore } from '../content/store-types';

export interface ExportInput {
  content: Pick<ContentStore, 'document' | 'artifact' | 'path' | 'section'>;
  outline: Outline;
  /** In document order. */
  annotations: AnnotationRecord[];
  /** In document order, with a position bookmark's selectors in the current content. */
  bookmarks: (BookmarkRecord & { selectors: BookmarkSelectors | null })[];
  /** ISO time of the export. */
  generatedAt: string;
  /** The language of the export's words (Markdown, Word). */
  language: Language;
  /** IANA time zone of its dates (default: this host's). */
  timeZone?: string;
  /** Longest body accepted, in characters (default MAX_EXPORT_CHARS). */
  maxChars?: number;
  /** An imported document of the library: links in the export carry its id. */
  documentId?: string;
}

function readerInput(input: ExportInput, timeZone: string): NotesExportInput {
  const doc = input.content.document();
  return {
    language: input.language,
    timeZone,
    generatedAt: input.generatedAt,
    document: {
      title: doc.title,
      ...(doc.titleEn !== undefined ? { titleEn: doc.titleEn } : {}),
      attribution: doc.attribution,
    },
    citation: citationSourceOf(input.content),
    outline: input.outline.toc,
    annotations: input.annotations,
    bookmarks: input.bookmarks,
    sections: (id) => {
      // Page markers for the quotes' citations; a section that cannot be read (a removed
      // document keeps only its notes) gives no page rather than failing the export.
      try {
        return input.content.section(id);
      } catch {
        return undefined;
      }
    },
    ...(input.documentId !== undefined ? { documentId: input.documentId } : {}),
  };
}

async function bodyOf(
  format: ExportFormat,
  input: ExportInput,
  timeZone: string,
): Promise<{ encoding: ExportFile['encoding']; body: string }> {
  if (format === 'w3c') {
    const { annotations, bookmarks, generatedAt } = input;
    const document = input.content.document();
    return {
      encoding: 'utf-8',
      body: exportW3c({ document, annotations, bookmarks, generatedAt }),
    };
  }
  if (format === 'md')
    return { encoding: 'utf-8', body: exportNotesMarkdown(readerInput(input, timeZone)) };
  // Loaded when asked for: the Word writer is large, and most runs never export.
  const { exportNotesDocx } = await import('../export/docx');
  const bytes = await exportNotesDocx(readerInput(input, timeZone));
  return { encoding: 'base64', body: Buffer.from(bytes).toString('base64') };
}

export async function exportNotes(format: ExportFormat, input: ExportInput): Promise<ExportFile> {
  const timeZone = checkTimeZone(input.timeZone ?? localTimeZone());
  const { encoding, body } = await bodyOf(format, input, timeZone);
  const max = input.maxChars ?? MAX_EXPORT_CHARS;
  if (body.length > max)
    throw new ApiError(
      'too_large',
      `the ${format} export is ${body.length} characters, more than the ${max} an export may be`,
    );
  return {
    filename: `hakusho-notes-${localDateStamp(input.generatedAt, timeZone)}.${EXPORT_EXTENSIONS[format]}`,
    mimeType: EXPORT_MIME_TYPES[format],
    encoding,
    body,
  };
}

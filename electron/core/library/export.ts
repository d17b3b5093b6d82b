// Exporting the reader's notes and bookmarks, in document order: W3C Web
// Annotation JSON-LD (lossless, what import reads back) or Markdown (to read and
// share, with title paths, quotes and deep links), named by the day of export.
import type { DocumentInfo, ExportFile } from '../../common/api/types';
import { exportMarkdown } from '../../common/annotations/markdown';
import type { AnnotationRecord, BookmarkRecord } from '../../common/annotations/records';
import { exportW3c, type BookmarkSelectors } from '../../common/annotations/w3c';
import type { Outline } from '../content/outline';

export interface ExportInput {
  document: DocumentInfo;
  outline: Outline;
  /** In document order. */
  annotations: AnnotationRecord[];
  /** In document order, with a position bookmark's selectors in the current content. */
  bookmarks: (BookmarkRecord & { selectors: BookmarkSelectors | null })[];
  /** ISO time of the export. */
  generatedAt: string;
}

export function exportNotes(format: 'w3c' | 'md', input: ExportInput): ExportFile {
  const { document, outline, annotations, bookmarks, generatedAt } = input;
  const stamp = generatedAt.slice(0, 10);
  if (format === 'w3c') {
    return {
      filename: `hakusho-notes-${stamp}.jsonld`,
      mimeType: 'application/ld+json',
      body: exportW3c({ document, annotations, bookmarks, generatedAt }),
    };
  }
  const withPath = <T extends { sectionId: string }>(record: T) => ({
    ...record,
    path: outline.path(record.sectionId),
  });
  return {
    filename: `hakusho-notes-${stamp}.md`,
    mimeType: 'text/markdown',
    body: exportMarkdown({
      document,
      annotations: annotations.map(withPath),
      bookmarks: bookmarks.map(withPath),
      generatedAt,
    }),
  };
}

// What an export of the reader's notes may be, the same for every host (the notes
// panel, the browser edition, the CLI): its formats, how each crosses a boundary, and
// how large one may get. A .docx is bytes, and the contract carries JSON (IPC's
// structured clone and the browser edition's HTTP body alike), so binary bodies go
// as base64 with their MIME type and file name.
import { MAX_IMPORT_BYTES } from './notes';

/** W3C Web Annotation JSON-LD (lossless, what import reads back), Markdown, Word. */
export const EXPORT_FORMATS = ['w3c', 'md', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How an export's `body` is written: text as it is, or the bytes in base64. */
export const EXPORT_ENCODINGS = ['utf-8', 'base64'] as const;
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];

/**
 * Longest export body, in characters (base64 for a .docx). The size an import accepts,
 * so that a JSON-LD export can always be read back; a larger one is refused with
 * `too_large` rather than handed to a host that would choke on it.
 */
export const MAX_EXPORT_CHARS = MAX_IMPORT_BYTES;

/** The MIME type of each format's file. */
export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  w3c: 'application/ld+json',
  md: 'text/markdown',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The extension of each format's file name. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  w3c: 'jsonld',
  md: 'md',
  docx: 'docx',
};

// Which adapter reads a file: by its first bytes when they are unambiguous (a PDF
// starts with %PDF-, an EPUB is a zip whose first entry is its mimetype), otherwise by
// its name. A file whose bytes contradict its name is refused rather than guessed.
import { ImportError } from './errors';
import type { SourceFormat } from './types';

const EXTENSIONS: Record<string, SourceFormat> = {
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.epub': 'epub',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

function startsWith(bytes: Uint8Array, ascii: string, at = 0): boolean {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** %PDF- within the first 1 KiB (readers accept a little junk before it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) if (startsWith(head, '%PDF-', i)) return true;
  return false;
}

export function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, 'PK\u0003\u0004') || startsWith(bytes, 'PK\u0005\u0006');
}

export function extensionOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function detectFormat(bytes: Uint8Array, name: string): SourceFormat {
  const byName = EXTENSIONS[extensionOf(name)];
  if (looksLikePdf(bytes)) return 'pdf';
  if (looksLikeZip(bytes)) {
    if (byName === 'epub' || startsWith(bytes, 'mimetypeapplication/epub+zip', 30)) return 'epub';
    throw new ImportError('unsupported', `${name}: a zip archive that is not an EPUB`);
  }
  if (byName === 'pdf')
    throw new ImportError(
      'damaged',
      `${name}: not a PDF (no %PDF- header): damaged or mislabelled`,
    );
  if (byName === 'epub')
    throw new ImportError(
      'damaged',
      `${name}: not an EPUB (not a zip archive): damaged or mislabelled`,
    );
  if (byName) return byName;
  throw new ImportError(
    'unsupported',
    `${name}: unsupported file type (import PDF, HTML, EPUB, text or Markdown)`,
  );
}

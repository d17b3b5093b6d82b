// Imports one file — PDF, HTML, EPUB, plain text or Markdown — into a content
// database of the bundled chapter's schema at a given path. The one entry point of
// this folder: read limits → adapter (./pdf, ./html, ./epub, ./text, ./markdown) →
// the bundled cleaning rules and the outline (./structure) → artifacts and an
// atomic write (./write). Progress is reported through the long steps and an
// AbortSignal cancels between them; ./worker-client runs it off the caller's thread.
import path from 'node:path';
import { sha256 } from '../ingest/build';
import type { WritingMode } from '../../common/api/types';
import { detectFormat } from './detect';
import { extractEpub } from './epub';
import { ImportError, reason, throwIfAborted } from './errors';
import { extractHtml } from './html';
import { formatBytes, resolveLimits, type ImportLimits } from './limits';
import { extractMarkdown } from './markdown';
import { extractPdf } from './pdf/extract';
import { structureBlocks } from './structure';
import { extractText } from './text';
import type { AdapterContext, ExtractedDocument, ImportProgress, SourceFormat } from './types';
import { buildImportArtifacts, writeImportedDatabase, type ImportedDocumentInfo } from './write';

export interface ImportOptions {
  /** The file's bytes. */
  bytes: Uint8Array;
  /** The file's name (its extension helps tell the format; shown in messages). */
  name: string;
  /** Where to write the content database (replaced atomically). */
  target: string;
  /** The title to store; default: the file's own title, else its name. */
  title?: string;
  /** The document id to store; default: "import-" + the first 16 hex digits of its sha256. */
  documentId?: string;
  limits?: Partial<ImportLimits>;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult extends ImportedDocumentInfo {
  dbPath: string;
  sections: number;
  paragraphs: number;
  pageMarkers: number;
  footnotes: number;
  captions: number;
}

async function extract(
  format: SourceFormat,
  bytes: Uint8Array,
  context: AdapterContext,
): Promise<ExtractedDocument> {
  switch (format) {
    case 'pdf':
      return extractPdf(bytes, context);
    case 'epub':
      return extractEpub(bytes, context);
    case 'html':
      return extractHtml(bytes, context);
    case 'markdown':
      return extractMarkdown(bytes, context);
    case 'text':
      return extractText(bytes, context);
  }
}

function titleFromName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const stem = base.replace(/\.[^.]+$/, '');
  return stem.length > 0 ? stem : base;
}

/** A title on one line: ASCII white space collapsed (a U+3000 is the author's and stays). */
function oneLine(text: string | null | undefined, fromFile = true): string | null {
  const t = text?.replace(/[ \t\r\n\f\v]+/g, ' ').replace(/^ | $/g, '');
  return t && !(fromFile && PLACEHOLDER_TITLE.test(t)) ? t : null;
}

/** Titles that producers write when the author wrote none. */
const PLACEHOLDER_TITLE =
  /^(?:about:blank|untitled|無題|document\d*|microsoft word - .*|.*\.(?:docx?|pptx?|xlsx?|indd|pdf))$/i;

/** Imports a file; throws ImportError (one line) and then writes nothing. */
export async function importDocument(options: ImportOptions): Promise<ImportResult> {
  const limits = resolveLimits(options.limits);
  const name = path.basename(options.name.replace(/\\/g, '/')) || 'file';
  const progress = (p: ImportProgress) => options.onProgress?.(p);
  const { bytes, signal } = options;
  throwIfAborted(signal, name);
  progress({ phase: 'read', done: 0, total: 1 });
  if (bytes.length > limits.maxFileBytes)
    throw new ImportError(
      'too_large',
      `${name}: ${formatBytes(bytes.length)}, larger than the limit of ${formatBytes(limits.maxFileBytes)}`,
    );
  if (bytes.length === 0) throw new ImportError('empty', `${name}: empty file`);
  const format = detectFormat(bytes, name);
  const sourceSha256 = sha256(bytes);
  progress({ phase: 'read', done: 1, total: 1 });

  let extracted: ExtractedDocument;
  try {
    extracted = await extract(format, bytes, { name, limits, signal, progress });
  } catch (err) {
    // A parser's own exception on a malformed file is still one line naming the file.
    if (err instanceof ImportError) throw err;
    throw new ImportError('damaged', `${name}: cannot read this file (${reason(err)})`);
  }
  throwIfAborted(signal, name);
  progress({ phase: 'structure', done: 0, total: 1 });
  const textChars = extracted.blocks.reduce(
    (n, b) => n + b.lines.reduce((m, l) => m + l.length, 0),
    0,
  );
  if (textChars > limits.maxTextChars)
    throw new ImportError(
      'too_large',
      `${name}: ${textChars} characters of text, more than the limit of ${limits.maxTextChars}`,
    );
  const title = oneLine(options.title, false) ?? oneLine(extracted.title) ?? titleFromName(name);
  const content = structureBlocks(extracted.blocks, {
    title,
    name,
    pageLabels: extracted.pageLabels,
  });
  if (content.paragraphs.length === 0)
    throw new ImportError(
      'empty',
      format === 'pdf'
        ? `${name}: no text found (a PDF of scanned images needs OCR first)`
        : `${name}: no text found`,
    );
  progress({ phase: 'structure', done: 1, total: 1 });
  throwIfAborted(signal, name);

  const publisher = oneLine(extracted.publisher) ?? oneLine(extracted.author) ?? '';
  const writingMode: WritingMode = extracted.writingMode;
  const info: ImportedDocumentInfo = {
    id: options.documentId ?? `import-${sourceSha256.slice(0, 16)}`,
    title,
    publisher,
    edition: oneLine(extracted.date) ?? '',
    attribution: publisher ? `「${title}」（${publisher}）` : `「${title}」`,
    sourceFile: name,
    sourceSha256,
    sourceEncoding: extracted.encoding,
    format,
    writingMode,
    pageCount: extracted.pageLabels?.length ?? null,
    warnings: extracted.warnings,
  };
  progress({ phase: 'index', done: 0, total: 1 });
  const artifacts = buildImportArtifacts(content, info);
  progress({ phase: 'index', done: 1, total: 1 });
  throwIfAborted(signal, name);

  progress({ phase: 'write', done: 0, total: 1 });
  writeImportedDatabase(options.target, info, content, artifacts);
  progress({ phase: 'write', done: 1, total: 1 });
  progress({ phase: 'done', done: 1, total: 1 });
  return {
    ...info,
    dbPath: path.resolve(options.target),
    sections: content.sections.length,
    paragraphs: content.paragraphs.length,
    pageMarkers: content.pageMarkers.length,
    footnotes: content.roles.filter((r) => r.role === 'footnote').length,
    captions: content.roles.filter((r) => r.role === 'caption').length,
  };
}

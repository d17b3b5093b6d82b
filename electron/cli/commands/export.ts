// `export --format md|docx|w3c [--out FILE] [--lang ja|en]`: the reader's notes and
// bookmarks as Markdown or a Word document to read and share (in the interface
// language — the stored preference, or --lang — with local dates), or as W3C Web
// Annotation JSON-LD (lossless, what `import` reads back). With --out the file is
// written atomically (the core's atomic write: a failure leaves any previous file as
// it was); otherwise text goes to stdout. A .docx is bytes, so it needs --out.
import path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../common/rules/exports';
import { LANGUAGES } from '../../common/rules/prefs';
import type { ExportFile, Language } from '../../common/api/types';
import { writeFileAtomically } from '../../core/files/atomic-write';
import { CliError, UsageError, type Command } from '../command';
import { DOC_OPTION, documentArg } from '../options';

function writeExport(file: string, data: string | Uint8Array): void {
  const target = path.resolve(file);
  try {
    writeFileAtomically(target, data);
  } catch (err) {
    throw new CliError(
      `export: cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`,
      'unavailable',
    );
  }
}

/** The file's bytes (a .docx comes as base64) or its text. */
function contentOf(file: ExportFile): string | Uint8Array {
  return file.encoding === 'base64' ? Buffer.from(file.body, 'base64') : file.body;
}

const isFormat = (value: unknown): value is ExportFormat =>
  (EXPORT_FORMATS as readonly unknown[]).includes(value);
const isLanguage = (value: unknown): value is Language =>
  (LANGUAGES as readonly unknown[]).includes(value);

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export notes and bookmarks (Markdown, Word .docx, or W3C JSON-LD for import)',
  usage: 'hakusho export --format md|docx|w3c [--doc ID] [--out FILE] [--lang ja|en]',
  maxPositionals: 0,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    ...DOC_OPTION,
  },
  data: 'reads',
  async run(input, session, io) {
    const { format, out, lang } = input.values;
    if (!isFormat(format))
      throw new UsageError(`export: --format is one of ${EXPORT_FORMATS.join(', ')}`);
    if (lang !== undefined && !isLanguage(lang))
      throw new UsageError(`export: --lang is one of ${LANGUAGES.join(', ')}`);
    if (format === 'docx' && typeof out !== 'string')
      throw new UsageError('export: a Word document is a file: give --out FILE.docx');
    const file = await session.call('exportAnnotations', {
      format,
      ...(lang !== undefined ? { language: lang } : {}),
      ...documentArg(input.values),
    });
    if (typeof out === 'string') {
      writeExport(out, contentOf(file));
      io.log(`wrote ${path.resolve(out)}`);
      if (input.json) io.out(JSON.stringify({ out: path.resolve(out), filename: file.filename }));
    } else {
      io.out(file.body);
    }
    return 0;
  },
};

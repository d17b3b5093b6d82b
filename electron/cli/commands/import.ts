// `import FILE [--json]`: imports a W3C JSON-LD export (ours). A file that is not
// one of our exports (or not UTF-8) is refused whole and changes nothing; within a
// valid file each item is added, unchanged, a conflict (kept beside the stored note,
// never replacing it) or refused with its reason — printed one per line. Importing
// the same file twice changes nothing.
import fs from 'node:fs';
import { decodeImportBytes, ImportEncodingError } from '../../common/annotations/import-text';
import type { ImportSummary } from '../../common/api/types';
import { MAX_IMPORT_BYTES } from '../../common/rules/notes';
import { CliError, UsageError, type Command } from '../command';
import { DOC_OPTION, documentArg } from '../options';

function readImportFile(file: string): string {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    if (stat.size > MAX_IMPORT_BYTES)
      throw new Error(`larger than the import limit of ${MAX_IMPORT_BYTES} bytes`);
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new CliError(
      `import: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
      'not_found',
    );
  }
  try {
    return decodeImportBytes(bytes);
  } catch (err) {
    if (err instanceof ImportEncodingError)
      throw new CliError(`import: ${file}: ${err.message}; nothing was stored`);
    throw err;
  }
}

/** The summary as lines: totals, then each conflict and refusal with its reason. */
export function describeImport(summary: ImportSummary): string {
  if (summary.cancelled) return 'Import cancelled: nothing was stored.';
  const { annotations: a, bookmarks: b } = summary;
  const lines = [
    `Imported: ${summary.added} added, ${summary.unchanged} unchanged, ${summary.conflicts} conflict(s), ${summary.refused} refused ` +
      `(annotations ${a.added}/${a.unchanged}/${a.conflicts}/${a.refused}, bookmarks ${b.added}/${b.unchanged}/${b.conflicts}/${b.refused}).`,
  ];
  if (summary.orphaned > 0)
    lines.push(
      `${summary.orphaned} highlight(s) of the file are not in this edition's text: kept as orphans with their quote.`,
    );
  if (summary.backup) lines.push(`Backup of the state before: ${summary.backup}`);
  for (const d of summary.details)
    lines.push(`  item ${d.item} (${d.kind} ${d.id || '?'}): ${d.outcome}: ${d.reason}`);
  if (summary.moreDetails > 0) lines.push(`  … and ${summary.moreDetails} more`);
  return lines.join('\n');
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import annotations and bookmarks from a W3C JSON-LD export',
  usage: 'hakusho import FILE [--doc ID] [--json]',
  options: { ...DOC_OPTION },
  data: 'writes',
  async run(input, session, io) {
    const [file, extra] = input.positionals;
    if (!file || extra !== undefined) throw new UsageError('import: expected one FILE');
    const body = readImportFile(file);
    const summary = await session.call('importAnnotations', { body, ...documentArg(input.values) });
    io.out(input.json ? JSON.stringify(summary, null, 2) : describeImport(summary));
    return 0;
  },
};

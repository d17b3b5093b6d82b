// `library import FILE [--title T] [--edition-of ID | --new] [--json]`, `library list
// [--all] [--json]`, `library remove ID --yes`, `library meta ID [--title T]
// [--publisher P] [--year Y] [--json]`: the library of imported documents, through
// the contract like every host. An import runs as the core's job (a worker thread);
// this command follows it with importDocumentStatus (waiting for each change),
// prints progress on stderr, cancels it on Ctrl-C, and prints the new document's id
// on stdout (`{"id": …}` with --json) so a script can pass it to `--doc`. A file whose
// title is a document's of the library is a newer edition of it (its notes re-anchored,
// those whose passage is gone kept and counted), unless --new makes it a document of
// its own; --edition-of names the document whatever the title. Removing
// asks for --yes: without it the command line is wrong (exit 2) and nothing changes.
import fs from 'node:fs';
import type { DocumentImportStatus, LibraryDocument } from '../../common/api/types';
import { MAX_DOCUMENT_FILE_BYTES, MAX_STATUS_WAIT_MS } from '../../common/rules/library';
import { formatBytes } from '../../core/import/limits';
import { CliError, UsageError, type CliIo, type Command, type CoreSession } from '../command';
import { optional } from '../options';

function readFile(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new CliError(
      `library import: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
      'not_found',
    );
  }
  if (!stat.isFile()) throw new CliError(`library import: ${file} is not a file`, 'invalid_input');
  if (stat.size > MAX_DOCUMENT_FILE_BYTES)
    throw new CliError(
      `library import: ${file} is ${formatBytes(stat.size)}, larger than the limit of ${formatBytes(MAX_DOCUMENT_FILE_BYTES)}`,
      'too_large',
    );
  return fs.readFileSync(file);
}

/** One line of progress: the phase, and pages n/N while a PDF's pages are read. */
function progressLine(status: DocumentImportStatus): string {
  return status.phase === 'pages'
    ? `import: ${status.name}: page ${status.done}/${status.total}`
    : `import: ${status.name}: ${status.phase}`;
}

async function followImport(
  session: CoreSession,
  started: DocumentImportStatus,
  io: CliIo,
): Promise<DocumentImportStatus> {
  let status = started;
  let cancelled = false;
  const onInterrupt = () => {
    if (cancelled) return;
    cancelled = true;
    io.log('import: cancelling…');
    void session.call('cancelDocumentImport', { jobId: started.jobId });
  };
  process.on('SIGINT', onInterrupt);
  try {
    let shown = '';
    while (status.state === 'running') {
      const line = progressLine(status);
      // Pages are told every tenth page (and the last), other phases once each.
      const page = status.phase === 'pages';
      if (line !== shown && (!page || status.done % 10 === 0 || status.done === status.total)) {
        io.log(line);
        shown = line;
      }
      status = await session.call('importDocumentStatus', {
        jobId: started.jobId,
        waitMs: MAX_STATUS_WAIT_MS,
      });
    }
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  return status;
}

function describeDocument(d: LibraryDocument): string {
  const facts = [
    d.bundled ? 'bundled' : d.format,
    d.pages !== null ? `${d.pages} pages` : null,
    `${d.sections} sections`,
    d.notes > 0 ? `${d.notes} notes` : null,
    d.edition > 1 ? `edition ${d.edition}` : null,
    d.removed ? 'removed (notes kept)' : null,
  ].filter(Boolean);
  const by = [d.publisher, d.year].filter((x) => x.length > 0).join(', ');
  return `${d.id}  ${d.title}${by ? ` (${by})` : ''}\n  ${facts.join(' · ')}`;
}

async function importFile(
  input: Parameters<Command['run']>[0],
  session: CoreSession,
  io: CliIo,
): Promise<number> {
  const [, file, extra] = input.positionals;
  if (!file || extra !== undefined) throw new UsageError('library import: expected one FILE');
  const v = input.values;
  if (v['edition-of'] !== undefined && v.new === true)
    throw new UsageError('library import: --edition-of and --new exclude each other');
  const bytes = readFile(file);
  const started = await session.call('importDocument', {
    name: file,
    file: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ...optional('title', v.title),
    ...optional('editionOf', v['edition-of']),
    ...(v.new === true ? { asNewDocument: true } : {}),
  });
  const status = await followImport(session, started, io);
  if (status.state !== 'done' || !status.document) {
    const message = status.error?.message ?? `${status.name}: import ${status.state}`;
    throw new CliError(message, status.state === 'cancelled' ? 'conflict' : 'invalid_input');
  }
  const doc = status.document;
  for (const warning of status.warnings) io.log(`import: warning: ${warning}`);
  if (status.replaced && status.reanchored)
    io.log(
      `import: edition ${doc.edition} of ${doc.id}: ${status.reanchored.checked} notes checked, ` +
        `${status.reanchored.moved} moved, ${status.reanchored.orphanIds.length} whose passage is gone (kept)` +
        (status.reanchored.backup
          ? `; the previous edition is kept with backup ${status.reanchored.backup.name}`
          : '') +
        (v['edition-of'] === undefined ? ' (same title; --new imports a document of its own)' : ''),
    );
  io.log(`import: ${doc.title}: ${doc.sections} sections, ${doc.paragraphs} paragraphs`);
  if (input.json)
    io.out(
      JSON.stringify({
        id: doc.id,
        title: doc.title,
        replaced: status.replaced,
        orphans: status.reanchored?.orphanIds ?? [],
      }),
    );
  else io.out(doc.id);
  return 0;
}

export const libraryCommand: Command = {
  name: 'library',
  summary: 'Import PDF, HTML, EPUB or text into the library; list, remove, edit metadata',
  usage:
    'hakusho library import FILE [--title T] [--edition-of ID | --new] [--json]\n' +
    '       hakusho library list [--all] [--json]\n' +
    '       hakusho library remove ID --yes\n' +
    '       hakusho library meta ID [--title T] [--publisher P] [--year Y] [--json]',
  options: {
    title: { type: 'string' },
    'edition-of': { type: 'string' },
    new: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
    publisher: { type: 'string' },
    year: { type: 'string' },
  },
  data: (input) => (input.positionals[0] === 'list' ? 'reads' : 'writes'),
  async run(input, session, io) {
    const [sub, id, extra] = input.positionals;
    const v = input.values;
    if (sub === 'import') return importFile(input, session, io);
    if (sub === 'list') {
      if (id !== undefined) throw new UsageError('library list: takes no argument');
      const list = await session.call('listDocuments', { includeRemoved: v.all === true });
      io.out(input.json ? JSON.stringify(list, null, 2) : list.map(describeDocument).join('\n'));
      return 0;
    }
    if (sub === 'remove') {
      if (!id || extra !== undefined) throw new UsageError('library remove: expected one ID');
      if (v.yes !== true)
        throw new UsageError(
          `library remove: removing ${id} deletes its text from the library (its notes are kept): add --yes`,
        );
      const removed = await session.call('removeDocument', { id, confirm: true });
      if (input.json) io.out(JSON.stringify(removed, null, 2));
      else
        io.out(
          `Removed ${removed.id} (${removed.title}); ${removed.notes} notes kept (export them with: export --doc ${removed.id})`,
        );
      return 0;
    }
    if (sub === 'meta') {
      if (!id || extra !== undefined) throw new UsageError('library meta: expected one ID');
      const patch = {
        ...optional('title', v.title),
        ...optional('publisher', v.publisher),
        ...optional('year', v.year),
      };
      if (Object.keys(patch).length === 0)
        throw new UsageError('library meta: give --title, --publisher or --year');
      const doc = await session.call('updateDocumentMetadata', { id, ...patch });
      io.out(input.json ? JSON.stringify(doc, null, 2) : describeDocument(doc));
      return 0;
    }
    throw new UsageError('library: expected "import", "list", "remove" or "meta"');
  },
};

// `import FILE [--json]`: imports a W3C JSON-LD export (ours). All or nothing:
// an invalid file is refused with a clear error and changes nothing; importing
// the same file twice adds nothing.
import fs from 'node:fs';
import { MAX_IMPORT_BYTES } from '../../common/rules/notes';
import { CliError, UsageError, type Command } from '../command';
import { DOC_OPTION, documentArg } from '../options';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import annotations and bookmarks from a W3C JSON-LD export',
  usage: 'hakusho import FILE [--doc ID] [--json]',
  options: { ...DOC_OPTION },
  data: 'writes',
  async run(input, session, io) {
    const [file, extra] = input.positionals;
    if (!file || extra !== undefined) throw new UsageError('import: expected one FILE');
    let body: string;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      if (stat.size > MAX_IMPORT_BYTES) throw new Error(`larger than ${MAX_IMPORT_BYTES} bytes`);
      body = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new CliError(
        `import: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
        'not_found',
      );
    }
    const summary = await session.call('importAnnotations', { body, ...documentArg(input.values) });
    if (input.json) io.out(JSON.stringify(summary, null, 2));
    else
      io.out(
        `Imported ${summary.annotationsAdded} new and ${summary.annotationsUpdated} updated annotation(s) ` +
          `(${summary.annotationsUnchanged} already present), ${summary.bookmarksAdded} new bookmark(s) ` +
          `(${summary.bookmarksUnchanged} already present).`,
      );
    return 0;
  },
};

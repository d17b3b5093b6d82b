// `export --format w3c|md [--out FILE]`: the reader's annotations and bookmarks
// as W3C Web Annotation JSON-LD or as Markdown. With --out the file is written
// atomically (the core's atomic write: a failure leaves any previous file as it
// was); otherwise it goes to stdout.
import path from 'node:path';
import { writeFileAtomically } from '../../core/files/atomic-write';
import { CliError, UsageError, type Command } from '../command';

function writeExport(file: string, body: string): void {
  const target = path.resolve(file);
  try {
    writeFileAtomically(target, body);
  } catch (err) {
    throw new CliError(
      `export: cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`,
      'unavailable',
    );
  }
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export annotations and bookmarks (W3C JSON-LD or Markdown)',
  usage: 'hakusho export --format w3c|md [--out FILE]',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  data: 'reads',
  async run(input, session, io) {
    const format = input.values.format;
    if (format !== 'w3c' && format !== 'md')
      throw new UsageError('export: --format is "w3c" or "md"');
    const file = await session.call('exportAnnotations', { format });
    if (typeof input.values.out === 'string') {
      writeExport(input.values.out, file.body);
      io.log(`wrote ${path.resolve(input.values.out)}`);
      if (input.json)
        io.out(JSON.stringify({ out: path.resolve(input.values.out), filename: file.filename }));
    } else {
      io.out(file.body);
    }
    return 0;
  },
};

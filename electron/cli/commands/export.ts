// `export --format w3c|md [--out FILE]`: the reader's annotations and bookmarks
// as W3C Web Annotation JSON-LD or as Markdown. With --out the file is written
// atomically (temporary file, then rename); otherwise it goes to stdout.
import fs from 'node:fs';
import path from 'node:path';
import { CliError, type Command } from '../command';
import { withLibrary } from './library-access';

export function writeFileAtomically(file: string, body: string): void {
  const target = path.resolve(file);
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(tmp, body, { encoding: 'utf8', flush: true });
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new CliError(
      `cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export annotations and bookmarks (W3C JSON-LD or Markdown)',
  usage: 'hakusho export --format w3c|md [--out FILE]',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run(input, io) {
    const format = input.values.format;
    if (format !== 'w3c' && format !== 'md')
      throw new CliError('export: --format is "w3c" or "md"');
    const file = await withLibrary(input, io, (s) => s.call('exportAnnotations', { format }));
    if (typeof input.values.out === 'string') {
      writeFileAtomically(input.values.out, file.body);
      io.log(`wrote ${path.resolve(input.values.out)}`);
      if (input.json)
        io.out(JSON.stringify({ out: path.resolve(input.values.out), filename: file.filename }));
    } else {
      io.out(file.body);
    }
    return 0;
  },
};

// `annotations list [--json] [--tag T] [--color C] [--section ID]` and
// `annotations add --paragraph <id> --start N --end M [--end-paragraph ID]
//  [--note T] [--color C] [--tag T]… [--json]` (offsets are UTF-16 code units into
// the paragraphs' display text; prints the stored annotation with its id).
import type { Annotation } from '../../common/api/types';
import { CliError, type Command } from '../command';
import { intOption, stringList, withLibrary } from './library-access';

function describe(a: Annotation): string {
  const where = a.path.length > 0 ? a.path.join(' › ') : `(not in this edition) ${a.sectionId}`;
  const lines = [
    `${a.id}  [${a.color}]${a.anchor === 'orphan' ? '  (passage not found)' : ''}  ${where}`,
  ];
  if (a.target) lines.push(`  「${a.target.quote.exact.replace(/\n/g, ' ⏎ ')}」`);
  else lines.push('  (note on the whole section)');
  if (a.note) lines.push(...a.note.split('\n').map((l) => `  ${l}`));
  if (a.tags.length > 0) lines.push(`  ${a.tags.map((t) => `#${t}`).join(' ')}`);
  return lines.join('\n');
}

export const annotationsCommand: Command = {
  name: 'annotations',
  summary: 'List annotations, or add one to a passage',
  usage:
    'hakusho annotations list [--json] [--tag T] [--color C] [--section ID]\n' +
    '       hakusho annotations add --paragraph <id> --start N --end M [--end-paragraph ID] [--note T] [--color C] [--tag T]… [--json]',
  options: {
    tag: { type: 'string', multiple: true },
    color: { type: 'string' },
    section: { type: 'string' },
    paragraph: { type: 'string' },
    'end-paragraph': { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    note: { type: 'string' },
  },
  async run(input, io) {
    const [sub] = input.positionals;
    const v = input.values;
    if (sub === 'list') {
      const tags = stringList(v.tag);
      if (tags.length > 1) throw new CliError('annotations list: give at most one --tag');
      const list = await withLibrary(input, io, (s) =>
        s.call('listAnnotations', {
          ...(tags[0] !== undefined ? { tag: tags[0] } : {}),
          ...(typeof v.color === 'string' ? { color: v.color as never } : {}),
          ...(typeof v.section === 'string' ? { sectionId: v.section } : {}),
        }),
      );
      if (input.json) io.out(JSON.stringify(list, null, 2));
      else io.out(list.length === 0 ? 'No annotations.' : list.map(describe).join('\n\n'));
      return 0;
    }
    if (sub === 'add') {
      if (typeof v.paragraph !== 'string')
        throw new CliError('annotations add: --paragraph <id> is required');
      const startOffset = intOption(v.start, 'start', 'annotations add');
      const endOffset = intOption(v.end, 'end', 'annotations add');
      const tags = stringList(v.tag);
      const added = await withLibrary(input, io, (s) =>
        s.call('addAnnotation', {
          startParagraphId: v.paragraph as string,
          startOffset,
          ...(typeof v['end-paragraph'] === 'string' ? { endParagraphId: v['end-paragraph'] } : {}),
          endOffset,
          ...(typeof v.note === 'string' ? { note: v.note } : {}),
          ...(typeof v.color === 'string' ? { color: v.color as never } : {}),
          ...(tags.length > 0 ? { tags } : {}),
        }),
      );
      io.out(input.json ? JSON.stringify(added, null, 2) : describe(added));
      return 0;
    }
    throw new CliError('annotations: expected "list" or "add"');
  },
};

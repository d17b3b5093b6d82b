// `annotations list [--json] [--tag T] [--color C] [--section ID]` and
// `annotations add --paragraph <id> --start N --end M [--end-paragraph ID]
//  [--note T] [--color C] [--tag T]… [--json]` (offsets are UTF-16 code units into
// the paragraphs' display text; prints the stored annotation with its id; an end
// paragraph in a later section stores one linked highlight per section, and the
// first is printed).
import type { Annotation, HighlightColor } from '../../common/api/types';
import { UsageError, type Command } from '../command';
import { DOC_OPTION, documentArg, intOption, optional, stringList } from '../options';

function describe(a: Annotation): string {
  const where = a.path.length > 0 ? a.path.join(' › ') : `(not in this edition) ${a.sectionId}`;
  const lines = [
    `${a.id}  [${a.color}]${a.anchor === 'orphan' ? '  (passage not found)' : ''}  ${where}`,
  ];
  if (a.target) lines.push(`  「${a.target.quote.exact.replace(/\n/g, ' ⏎ ')}」`);
  if (a.groupId !== null) lines.push(`  (one piece of a passage across sections: ${a.groupId})`);
  else lines.push('  (note on the whole section)');
  if (a.note) lines.push(...a.note.split('\n').map((l) => `  ${l}`));
  if (a.tags.length > 0) lines.push(`  ${a.tags.map((t) => `#${t}`).join(' ')}`);
  return lines.join('\n');
}

/** The colour as given: the contract says whether it is one. */
const color = (value: unknown) =>
  typeof value === 'string' ? { color: value as HighlightColor } : {};

export const annotationsCommand: Command = {
  name: 'annotations',
  summary: 'List annotations, or add one to a passage',
  usage:
    'hakusho annotations list [--doc ID] [--json] [--tag T] [--color C] [--section ID]\n' +
    '       hakusho annotations add [--doc ID] --paragraph <id> --start N --end M [--end-paragraph ID] [--note T] [--color C] [--tag T]… [--json]',
  maxPositionals: 1,
  options: {
    tag: { type: 'string', multiple: true },
    color: { type: 'string' },
    section: { type: 'string' },
    paragraph: { type: 'string' },
    'end-paragraph': { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    note: { type: 'string' },
    ...DOC_OPTION,
  },
  data: (input) => (input.positionals[0] === 'add' ? 'writes' : 'reads'),
  async run(input, session, io) {
    const [sub] = input.positionals;
    const v = input.values;
    if (sub === 'list') {
      const tags = stringList(v.tag);
      if (tags.length > 1) throw new UsageError('annotations list: give at most one --tag');
      const list = await session.call('listAnnotations', {
        ...optional('tag', tags[0]),
        ...color(v.color),
        ...optional('sectionId', v.section),
        ...documentArg(v),
      });
      if (input.json) io.out(JSON.stringify(list, null, 2));
      else io.out(list.length === 0 ? 'No annotations.' : list.map(describe).join('\n\n'));
      return 0;
    }
    if (sub === 'add') {
      if (typeof v.paragraph !== 'string')
        throw new UsageError('annotations add: --paragraph <id> is required');
      const tags = stringList(v.tag);
      const added = await session.call('addAnnotation', {
        startParagraphId: v.paragraph,
        startOffset: intOption(v.start, 'start', 'annotations add'),
        ...optional('endParagraphId', v['end-paragraph']),
        endOffset: intOption(v.end, 'end', 'annotations add'),
        ...optional('note', v.note),
        ...color(v.color),
        ...(tags.length > 0 ? { tags } : {}),
        ...documentArg(v),
      });
      io.out(input.json ? JSON.stringify(added, null, 2) : describe(added));
      return 0;
    }
    throw new UsageError('annotations: expected "list" or "add"');
  },
};

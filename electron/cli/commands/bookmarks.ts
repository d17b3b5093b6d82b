// `bookmarks list [--json] [--by document|date]`: the reader's bookmarks, in
// document order (default: by section, a section's own bookmark first, then the
// positions in it) or newest first, each with its position and the text there.
// `bookmarks add --section ID [--paragraph ID [--offset N]] [--label T] [--json]`:
// a bookmark of the section, or of a position in it (offset: UTF-16 code units into
// the paragraph's display text, default 0). JSON: the contract's Bookmark objects.
import type { Bookmark } from '../../common/api/types';
import { UsageError, type Command } from '../command';
import { DOC_OPTION, documentArg, intOption, optional } from '../options';

function describe(b: Bookmark): string {
  const where = b.path.length > 0 ? b.path.join(' › ') : `(not in this edition) ${b.sectionId}`;
  const lines = [`${where}${b.label ? `  — ${b.label}` : ''}`];
  if (b.paragraphId !== null)
    lines.push(
      `  at ${b.paragraphId} +${b.offset ?? 0}` +
        (b.excerpt ? `: 「${b.excerpt}…」` : ' (paragraph not in this edition)'),
    );
  else lines.push('  (the whole section)');
  lines.push(`  ${b.id}  ${b.createdAt}`);
  return lines.join('\n');
}

export const bookmarksCommand: Command = {
  name: 'bookmarks',
  summary: 'List bookmarks (document order, or --by date), or add one to a section or a position',
  usage:
    'hakusho bookmarks list [--doc ID] [--json] [--by document|date]\n' +
    '       hakusho bookmarks add [--doc ID] --section ID [--paragraph ID [--offset N]] [--label T] [--json]',
  maxPositionals: 1,
  options: {
    by: { type: 'string' },
    section: { type: 'string' },
    paragraph: { type: 'string' },
    offset: { type: 'string' },
    label: { type: 'string' },
    ...DOC_OPTION,
  },
  data: (input) => (input.positionals[0] === 'add' ? 'writes' : 'reads'),
  async run(input, session, io) {
    const [sub] = input.positionals;
    const v = input.values;
    if (sub === 'add') {
      if (typeof v.section !== 'string')
        throw new UsageError('bookmarks add: --section <id> is required');
      if (v.offset !== undefined && v.paragraph === undefined)
        throw new UsageError('bookmarks add: --offset needs --paragraph');
      const added = await session.call('addBookmark', {
        sectionId: v.section,
        ...optional('paragraphId', v.paragraph),
        ...(v.offset !== undefined
          ? { offset: intOption(v.offset, 'offset', 'bookmarks add') }
          : {}),
        ...optional('label', v.label),
        ...documentArg(v),
      });
      io.out(input.json ? JSON.stringify(added, null, 2) : describe(added));
      return 0;
    }
    if (sub !== 'list') throw new UsageError('bookmarks: expected "list" or "add"');
    const by = v.by ?? 'document';
    if (by !== 'document' && by !== 'date')
      throw new UsageError('bookmarks: --by is "document" or "date"');
    const list = await session.call('listBookmarks', { order: by, ...documentArg(v) });
    if (input.json) {
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    io.out(list.length === 0 ? 'No bookmarks.' : list.map(describe).join('\n\n'));
    return 0;
  },
};

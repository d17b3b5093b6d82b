// `bookmarks list [--json] [--by document|date]`: the reader's bookmarks, in
// document order (default) or newest first. JSON: the contract's Bookmark objects.
import { UsageError, type Command } from '../command';
import { DOC_OPTION, documentArg } from '../options';

export const bookmarksCommand: Command = {
  name: 'bookmarks',
  summary: 'List bookmarks (in document order, or --by date)',
  usage: 'hakusho bookmarks list [--doc ID] [--json] [--by document|date]',
  options: { by: { type: 'string' }, ...DOC_OPTION },
  data: 'reads',
  async run(input, session, io) {
    const [sub] = input.positionals;
    if (sub !== 'list') throw new UsageError('bookmarks: expected "list"');
    const by = input.values.by ?? 'document';
    if (by !== 'document' && by !== 'date')
      throw new UsageError('bookmarks: --by is "document" or "date"');
    const list = await session.call('listBookmarks', { order: by, ...documentArg(input.values) });
    if (input.json) {
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (list.length === 0) {
      io.out('No bookmarks.');
      return 0;
    }
    io.out(
      list
        .map(
          (b) =>
            `${b.path.length > 0 ? b.path.join(' › ') : `(not in this edition) ${b.sectionId}`}` +
            `${b.label ? `  — ${b.label}` : ''}\n  ${b.id}  ${b.createdAt}`,
        )
        .join('\n'),
    );
    return 0;
  },
};

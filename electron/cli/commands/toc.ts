// `toc`: the outline in reading order. JSON: [{"id","level","title","editorial","parent","kind"}]
// (peers share level and kind; an editorial heading is styled as its peers).
import type { Command } from '../command';
import { DOC_OPTION, documentArg } from '../options';

export const tocCommand: Command = {
  name: 'toc',
  summary: 'Print the outline (table of contents) in reading order',
  usage: 'hakusho toc [--doc ID] [--json]',
  options: { ...DOC_OPTION },
  maxPositionals: 0,
  data: 'reads',
  async run(input, session, io) {
    const toc = await session.call('getToc', documentArg(input.values));
    if (input.json) {
      io.out(
        JSON.stringify(
          toc.map(({ id, level, title, editorial, parent, kind }) => ({
            id,
            level,
            title,
            editorial,
            parent,
            kind,
          })),
          null,
          2,
        ),
      );
      return 0;
    }
    const width = Math.max(...toc.map((e) => e.id.length));
    io.out(
      toc
        .map(
          (e) =>
            `${e.id.padEnd(width)}  ${'  '.repeat(e.level - 1)}${e.title}${e.editorial ? '  (editorial)' : ''}`,
        )
        .join('\n'),
    );
    return 0;
  },
};

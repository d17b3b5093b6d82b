// `toc`: the outline in reading order. JSON: [{"id","level","title","editorial","parent"}].
import type { Command } from '../command';
import { withContentStore } from './content-access';

export const tocCommand: Command = {
  name: 'toc',
  summary: 'Print the outline (table of contents) in reading order',
  usage: 'hakusho toc [--json]',
  run(input, io) {
    const toc = withContentStore(input.contentDbPath, io, (store) => store.toc());
    if (input.json) {
      io.out(
        JSON.stringify(
          toc.map(({ id, level, title, editorial, parent }) => ({
            id,
            level,
            title,
            editorial,
            parent,
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

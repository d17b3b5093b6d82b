// `read <sectionId>`: one section with its title path, its own paragraphs and its
// children's ids. JSON: {"id","level","title","editorial","path","paragraphs":[{"id","text"}],"children"}.
import { ApiError } from '../../common/api/contract';
import { CliError, type Command } from '../command';
import { withContentStore } from './content-access';

export const readCommand: Command = {
  name: 'read',
  summary: 'Print one section (its title path, paragraphs and subsections)',
  usage: 'hakusho read <sectionId> [--json]',
  run(input, io) {
    const [id, ...extra] = input.positionals;
    if (!id || extra.length > 0) throw new CliError('read: expected one section id (see: toc)');
    const view = withContentStore(input.contentDbPath, io, (store) => {
      try {
        const section = store.section(id);
        const titles = new Map(store.toc().map((e) => [e.id, e.title]));
        return { section, titles };
      } catch (err) {
        if (err instanceof ApiError && err.code === 'not_found')
          throw new CliError(`read: no section "${id}" (see: toc)`);
        throw err;
      }
    });
    const { section, titles } = view;
    if (input.json) {
      const { level, title, editorial, path, paragraphs, children } = section;
      io.out(
        JSON.stringify(
          {
            id: section.id,
            level,
            title,
            editorial,
            path,
            paragraphs: paragraphs.map((p) => ({ id: p.id, text: p.text })),
            children,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    const lines = [section.path.join(' › '), '', section.title];
    if (section.editorial) lines.push('(editorial heading: not in the source)');
    for (const p of section.paragraphs) lines.push('', `\u3000${p.text}`, `    [${p.id}]`);
    if (section.children.length > 0) {
      lines.push('', 'Subsections:');
      for (const child of section.children) lines.push(`  ${child}  ${titles.get(child) ?? ''}`);
    }
    io.out(lines.join('\n'));
    return 0;
  },
};

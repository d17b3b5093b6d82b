// `read <sectionId>`: one section with its title path, its own paragraphs and its
// children's ids. JSON: {"id","level","title","editorial","path","paragraphs":[{"id","text"}],"children"}.
import { ApiError } from '../../common/api/contract';
import { CliError, UsageError, type Command } from '../command';
import { DOC_OPTION, documentArg } from '../options';

export const readCommand: Command = {
  name: 'read',
  summary: 'Print one section (its title path, paragraphs and subsections)',
  usage: 'hakusho read <sectionId> [--doc ID] [--json]',
  options: { ...DOC_OPTION },
  data: 'reads',
  async run(input, session, io) {
    const [id, ...extra] = input.positionals;
    if (!id || extra.length > 0) throw new UsageError('read: expected one section id (see: toc)');
    let section;
    try {
      section = await session.call('getSection', { id, ...documentArg(input.values) });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not_found')
        throw new CliError(`read: no section "${id}" (see: toc)`, 'not_found');
      throw err;
    }
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
            // An imported paged document: where its printed pages begin.
            ...(section.pageMarkers ? { pageMarkers: section.pageMarkers } : {}),
            ...(section.roles ? { roles: section.roles } : {}),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    const lines = [section.path.join(' › '), '', section.title];
    if (section.editorial) lines.push('(editorial heading: not in the source)');
    for (const p of section.paragraphs) {
      // Imported documents: the printed page each paragraph starts on, its role if not body.
      const page = section.pageMarkers?.find((m) => m.paragraphId === p.id && m.offset === 0);
      const role = section.roles?.[p.id];
      const tags = [page ? `p. ${page.label}` : null, role ?? null].filter(Boolean).join(', ');
      lines.push('', `\u3000${p.text}`, `    [${p.id}${tags ? `; ${tags}` : ''}]`);
    }
    if (section.children.length > 0) {
      const titles = new Map(
        (await session.call('getToc', documentArg(input.values))).map((e) => [e.id, e.title]),
      );
      lines.push('', 'Subsections:');
      for (const child of section.children) lines.push(`  ${child}  ${titles.get(child) ?? ''}`);
    }
    io.out(lines.join('\n'));
    return 0;
  },
};

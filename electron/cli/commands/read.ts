// `read <sectionId>...`: sections with their title path, own paragraphs and children's ids.
// One id: one getSection call; several: getSections, as many ids per call as the
// contract allows, the sections printed in the order named. JSON: one section as
// {"id","level","title","editorial","path","paragraphs":[{"id","text"}],"children"}, several
// as an array of them. An unknown id fails the command naming every unknown id.
import { ApiError } from '../../common/api/contract';
import type { SectionView } from '../../common/api/types';
import { sectionBatches } from '../../common/rules/sections';
import { CliError, UsageError, type Command, type CoreSession } from '../command';
import { DOC_OPTION, documentArg } from '../options';

/** The sections named, in order: one call for one id, else one per MAX_SECTIONS_PER_CALL ids. */
async function readSections(
  session: CoreSession,
  ids: string[],
  doc: { documentId?: string },
): Promise<SectionView[]> {
  try {
    if (ids.length === 1) return [await session.call('getSection', { id: ids[0]!, ...doc })];
    const views: SectionView[] = [];
    for (const batch of sectionBatches(ids))
      views.push(...(await session.call('getSections', { ids: batch, ...doc })));
    return views;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'not_found')
      throw new CliError(
        ids.length === 1
          ? `read: no section "${ids[0]}" (see: toc)`
          : `read: ${err.message} (see: toc)`,
        'not_found',
      );
    throw err;
  }
}

/** A section as the JSON output gives it. */
function sectionJson(section: SectionView): object {
  const { level, title, editorial, path, paragraphs, children } = section;
  return {
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
  };
}

/** A section as text: its path, title, paragraphs (with ids) and subsections. */
function sectionText(section: SectionView, titles: ReadonlyMap<string, string>): string {
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
    lines.push('', 'Subsections:');
    for (const child of section.children) lines.push(`  ${child}  ${titles.get(child) ?? ''}`);
  }
  return lines.join('\n');
}

export const readCommand: Command = {
  name: 'read',
  summary: 'Print sections (their title path, paragraphs and subsections)',
  usage: 'hakusho read <sectionId>... [--doc ID] [--json]',
  options: { ...DOC_OPTION },
  data: 'reads',
  async run(input, session, io) {
    const ids = input.positionals;
    if (ids.length === 0) throw new UsageError('read: expected section ids (see: toc)');
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated !== undefined) throw new UsageError(`read: section "${repeated}" named twice`);
    const doc = documentArg(input.values);
    const sections = await readSections(session, ids, doc);
    if (input.json) {
      const json = sections.map(sectionJson);
      io.out(JSON.stringify(ids.length === 1 ? json[0] : json, null, 2));
      return 0;
    }
    const titles = sections.some((s) => s.children.length > 0)
      ? new Map((await session.call('getToc', doc)).map((e) => [e.id, e.title]))
      : new Map<string, string>();
    io.out(sections.map((s) => sectionText(s, titles)).join('\n\n\n'));
    return 0;
  },
};

// `search <query> [--json] [--limit N] [--doc ID | --all]`: the core's search — hits in the text,
// best first, then hits in the reader's own notes (`kind` "note", with
// `annotationId`). JSON: [{"sectionId","title","path","paragraphId","snippet",
// "highlights","hits","score","kind","ranges"[,"annotationId"]}]; readable text
// (title path, snippet with the hits marked 【…】, the words from the string table)
// without --json. `--doc ID` searches one document of the library; `--all` the whole
// library, grouped by document (JSON: the contract's LibrarySearchResponse).
import { translate } from '../../common/i18n/format';
import { resultsSummary } from '../../common/i18n/results-summary';
import { UsageError, type Command } from '../command';
import type { SearchResultItem } from '../../common/api/types';
import { DOC_OPTION, documentArg, intOption } from '../options';

/** One result as readable lines: its place, then its snippet with the hits in 【】. */
function resultLines(r: SearchResultItem): string[] {
  let marked = '';
  let at = 0;
  for (const [s, e] of r.highlights) {
    marked += `${r.snippet.slice(at, s)}【${r.snippet.slice(s, e)}】`;
    at = e;
  }
  marked += r.snippet.slice(at);
  return [
    `${r.kind === 'note' ? `[${translate('ja', 'noteHit')}] ` : ''}${r.path.join(' › ')}  (${translate('en', 'hitCountLabel', { hits: r.hits })}; ${r.sectionId}${r.paragraphId ? ` ${r.paragraphId}` : ''})`,
    `  ${marked}`,
    '',
  ];
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the text and your notes in Japanese (all terms must occur; "…" for a phrase)',
  usage: 'hakusho search <query> [--json] [--limit N] [--doc ID | --all]',
  options: { limit: { type: 'string' }, all: { type: 'boolean', default: false }, ...DOC_OPTION },
  data: 'reads',
  async run(input, session, io) {
    const query = input.positionals.join(' ');
    if (query.trim().length === 0) throw new UsageError('search: expected a query');
    const limit =
      input.values.limit !== undefined
        ? { limit: intOption(input.values.limit, 'limit', 'search') }
        : {};
    if (input.values.all === true) {
      if (input.values.doc !== undefined)
        throw new UsageError('search: give --doc ID or --all, not both');
      const library = await session.call('searchLibrary', { query, ...limit });
      if (input.json) {
        io.out(JSON.stringify(library, null, 2));
        return 0;
      }
      const lines: string[] = [];
      for (const group of library.groups) {
        lines.push(`■ ${group.title}  [${group.documentId}]  (${group.hits} hits)`, '');
        for (const r of group.results) lines.push(...resultLines(r).map((l) => (l ? `  ${l}` : l)));
      }
      for (const u of library.unavailable) lines.push(`(${u.documentId}: ${u.message})`);
      lines.push(
        `${library.totalHits} hits in ${library.groups.length} of ${library.searched} documents for "${query}"`,
      );
      io.out(lines.join('\n'));
      return 0;
    }
    const results = await session.call('search', {
      query,
      ...limit,
      ...documentArg(input.values),
    });
    if (input.json) {
      io.out(
        JSON.stringify(
          results.map((r) => ({
            sectionId: r.sectionId,
            title: r.title,
            path: r.path,
            paragraphId: r.paragraphId,
            snippet: r.snippet,
            highlights: r.highlights,
            hits: r.hits,
            score: r.score,
            kind: r.kind,
            ranges: r.ranges,
            ...(r.annotationId ? { annotationId: r.annotationId } : {}),
          })),
          null,
          2,
        ),
      );
      return 0;
    }
    if (results.length === 0) {
      io.out(translate('en', 'noResults', { query }));
      return 0;
    }
    const lines: string[] = [];
    for (const r of results) lines.push(...resultLines(r));
    const sections = results.filter((r) => r.kind === 'text').length;
    lines.push(
      resultsSummary('en', {
        query,
        hits: results.reduce((n, r) => n + r.hits, 0),
        sections,
        notes: results.length - sections,
      }),
    );
    io.out(lines.join('\n'));
    return 0;
  },
};

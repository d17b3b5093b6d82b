// `search <query> [--json] [--limit N]`: the core's search — hits in the text,
// best first, then hits in the reader's own notes (`kind` "note", with
// `annotationId`). JSON: [{"sectionId","title","path","paragraphId","snippet",
// "highlights","hits","score","kind","ranges"[,"annotationId"]}]; readable text
// (title path, snippet with the hits marked 【…】, the words from the string table)
// without --json.
import { translate } from '../../common/i18n/format';
import { resultsSummary } from '../../common/i18n/results-summary';
import { UsageError, type Command } from '../command';
import { intOption } from '../options';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the text and your notes in Japanese (all terms must occur; "…" for a phrase)',
  usage: 'hakusho search <query> [--json] [--limit N]',
  options: { limit: { type: 'string' } },
  data: 'reads',
  async run(input, session, io) {
    const query = input.positionals.join(' ');
    if (query.trim().length === 0) throw new UsageError('search: expected a query');
    const results = await session.call('search', {
      query,
      ...(input.values.limit !== undefined
        ? { limit: intOption(input.values.limit, 'limit', 'search') }
        : {}),
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
    for (const r of results) {
      let marked = '';
      let at = 0;
      for (const [s, e] of r.highlights) {
        marked += `${r.snippet.slice(at, s)}【${r.snippet.slice(s, e)}】`;
        at = e;
      }
      marked += r.snippet.slice(at);
      lines.push(
        `${r.kind === 'note' ? `[${translate('ja', 'noteHit')}] ` : ''}${r.path.join(' › ')}  (${translate('en', 'hitCountLabel', { hits: r.hits })}; ${r.sectionId}${r.paragraphId ? ` ${r.paragraphId}` : ''})`,
        `  ${marked}`,
        '',
      );
    }
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

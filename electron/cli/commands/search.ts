// `search <query> [--json] [--limit N] [--order relevance|document]`: the core's
// search — text sections in the order asked (default: the reader's searchOrder
// preference, relevance at first), then hits in the reader's own notes (`kind`
// "note", with `annotationId`), and the totals of the whole document. JSON: the
// contract's SearchResponse as it is ({"query","order","terms","results","hits",
// "totalHits","totalSections","truncated"}); readable text (title path, snippet
// with the hits marked 【…】, the totals, the words from the string table) without
// --json. `--doc ID` searches one document of the library; `--all` the whole library,
// grouped by document (JSON: the contract's LibrarySearchResponse).
import type { SearchOrder, SearchResultItem } from '../../common/api/types';
import { translate } from '../../common/i18n/format';
import { noResultsHint } from '../../common/i18n/no-results';
import { resultsSummary } from '../../common/i18n/results-summary';
import { SEARCH_ORDERS } from '../../common/rules/search';
import { UsageError, type Command } from '../command';
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

const isOrder = (value: unknown): value is SearchOrder =>
  (SEARCH_ORDERS as readonly unknown[]).includes(value);

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the text and your notes in Japanese (all terms must occur; "…" for a phrase)',
  usage:
    'hakusho search <query> [--json] [--limit N] [--order relevance|document] [--doc ID | --all]',
  options: {
    limit: { type: 'string' },
    order: { type: 'string' },
    all: { type: 'boolean', default: false },
    ...DOC_OPTION,
  },
  data: 'reads',
  async run(input, session, io) {
    const query = input.positionals.join(' ');
    if (query.trim().length === 0) throw new UsageError('search: expected a query');
    const order = input.values.order;
    if (order !== undefined && !isOrder(order))
      throw new UsageError(`search: --order is ${SEARCH_ORDERS.map((o) => `"${o}"`).join(' or ')}`);
    const options = {
      ...(input.values.limit !== undefined
        ? { limit: intOption(input.values.limit, 'limit', 'search') }
        : {}),
      ...(order !== undefined ? { order } : {}),
    };
    if (input.values.all === true) {
      if (input.values.doc !== undefined)
        throw new UsageError('search: give --doc ID or --all, not both');
      const library = await session.call('searchLibrary', { query, ...options });
      if (input.json) {
        io.out(JSON.stringify(library, null, 2));
        return 0;
      }
      const lines: string[] = [];
      for (const group of library.groups) {
        lines.push(`■ ${group.title}  [${group.documentId}]  (${group.totalHits} hits)`, '');
        for (const r of group.results) lines.push(...resultLines(r).map((l) => (l ? `  ${l}` : l)));
      }
      for (const u of library.unavailable) lines.push(`(${u.documentId}: ${u.message})`);
      lines.push(
        `${library.totalHits} hits in ${library.groups.length} of ${library.searched} documents for "${query}"`,
      );
      io.out(lines.join('\n'));
      return 0;
    }
    const response = await session.call('search', {
      query,
      ...options,
      ...documentArg(input.values),
    });
    if (input.json) {
      io.out(JSON.stringify(response, null, 2));
      return 0;
    }
    const { results } = response;
    if (results.length === 0) {
      io.out(`${translate('en', 'noResults', { query })}\n${noResultsHint('en', query)}`);
      return 0;
    }
    const lines: string[] = [];
    for (const r of results) lines.push(...resultLines(r));
    const notes = results.filter((r) => r.kind === 'note');
    const shownSections = results.length - notes.length;
    lines.push(
      resultsSummary('en', {
        query,
        hits: response.totalHits + notes.reduce((n, r) => n + r.hits, 0),
        sections: response.totalSections,
        notes: notes.length,
      }),
    );
    lines.push(
      `order: ${response.order}` +
        (shownSections < response.totalSections
          ? `; ${shownSections} of ${response.totalSections} sections shown (--limit)`
          : '') +
        (response.truncated ? `; the hit list stops at ${response.hits.length}` : ''),
    );
    io.out(lines.join('\n'));
    return 0;
  },
};

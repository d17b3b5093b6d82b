// `search <query> [--json] [--limit N]`: full-text search of the content, best
// first. JSON: [{"sectionId","title","path","paragraphId","snippet","highlights",
// "hits","score","kind","ranges"}]; readable text (title path, snippet with the
// hits marked 【…】) without --json.
import { ApiError } from '../../common/api/contract';
import { MAX_QUERY_LENGTH } from '../../common/rules/search';
import { searchNotesInProfile } from '../../core/library/handlers';
import { DEFAULT_SEARCH_LIMIT } from '../../common/rules/search';
import { createSearchService } from '../../core/search/service';
import { CliError, type Command } from '../command';
import { withContentStore } from './content-access';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the text in Japanese (all terms must occur; "…" for a phrase)',
  usage: 'hakusho search <query> [--json] [--limit N]',
  options: { limit: { type: 'string' } },
  run(input, io) {
    const query = input.positionals.join(' ');
    if (query.trim().length === 0) throw new CliError('search: expected a query');
    if (query.length > MAX_QUERY_LENGTH) {
      throw new CliError(`search: the query is longer than ${MAX_QUERY_LENGTH} characters`);
    }
    let limit = DEFAULT_SEARCH_LIMIT;
    if (typeof input.values.limit === 'string') {
      limit = Number(input.values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw new CliError('search: --limit must be an integer from 1 to 1000');
      }
    }
    const results = withContentStore(input.contentDbPath, io, (store) => {
      try {
        const text = createSearchService(store).search(query, { limit });
        // Hits in the reader's own notes follow, marked kind 'note' with annotationId.
        return [...text, ...searchNotesInProfile(input.userDataDir, store, query, limit)];
      } catch (err) {
        if (err instanceof ApiError) throw new CliError(`search: ${err.message}`);
        throw err;
      }
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
      io.out(`No results for “${query}”.`);
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
        `${r.kind === 'note' ? '[メモ] ' : ''}${r.path.join(' › ')}  (${r.hits} ${r.hits === 1 ? 'hit' : 'hits'}; ${r.sectionId}${r.paragraphId ? ` ${r.paragraphId}` : ''})`,
        `  ${marked}`,
        '',
      );
    }
    lines.push(`${results.length} ${results.length === 1 ? 'section' : 'sections'}`);
    io.out(lines.join('\n'));
    return 0;
  },
};

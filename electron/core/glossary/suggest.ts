// "Also search for …" as the core answers it: the query's own hits in the text,
// counted by the search the reader uses, and the same query with a name written the
// other ways (./other-names in common: the curated groups and the glossary's pairs),
// each counted the same way — those without hits dropped, the rest best first. The
// answer is a suggestion beside the results, never part of them. Counting runs one
// search per candidate; a query whose pieces name many known names is counted for
// its first MAX_COUNTED candidates only (the rest, from its later pieces, are not
// offered), so one call costs at most MAX_COUNTED + 1 searches.
import type { SearchResponse, SearchSuggestions } from '../../common/api/types';
import { alsoSearchFor } from '../../common/glossary/other-names';

/** Searches counted for the candidates of one query, at most. */
export const MAX_COUNTED = 20;

export interface TextSearch {
  search(query: string, options: { limit?: number }): Pick<SearchResponse, 'totalHits'>;
}

/**
 * Hits of a query in the whole text (the answer's total; notes are not the text).
 * One row asked for: the total counts every section whatever the limit.
 */
export function textHits(search: TextSearch, query: string): number {
  if (query.trim().length === 0) return 0;
  return search.search(query, { limit: 1 }).totalHits;
}

export function searchSuggestions(
  query: string,
  search: TextSearch,
  table: readonly (readonly string[])[],
): SearchSuggestions {
  const hits = textHits(search, query);
  let counted = 0;
  const countHits = (candidate: string) =>
    counted++ < MAX_COUNTED ? textHits(search, candidate) : 0;
  return { query, hits, suggestions: alsoSearchFor(query, hits, table, { countHits }) };
}

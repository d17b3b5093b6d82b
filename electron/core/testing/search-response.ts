// A search answer for tests that stand in for the search service: the given text
// rows, their hits as the document-wide list (in the order given), the totals.
import type { SearchResponse, SearchResultItem } from '../../common/api/types';
import { parseQuery } from '../../common/search/query';

export function searchResponse(
  query: string,
  results: SearchResultItem[] = [],
  over: Partial<SearchResponse> = {},
): SearchResponse {
  const hits = results.flatMap((r) => r.ranges.map((h) => ({ sectionId: r.sectionId, ...h })));
  return {
    query,
    order: 'relevance',
    terms: parseQuery(query).map((t) => t.text),
    results,
    hits,
    totalHits: hits.length,
    totalSections: results.length,
    truncated: false,
    ...over,
  };
}

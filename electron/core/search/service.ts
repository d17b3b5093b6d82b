// The search service the hosts call: loads the index stored in the content
// database once (Lunr's JSON and the search copy; never rebuilt per query) and
// turns section hits into the SearchResultItem the API returns (title path,
// snippet around the first hit, highlights into the snippet, every hit range for
// the reading pane).
import { ApiError } from '../../common/api/contract';
import type { SearchResultItem } from '../../common/api/types';
import { DEFAULT_SEARCH_LIMIT } from '../../common/rules/search';
import { makeSnippet } from '../../common/search/snippet';
import { Outline } from '../content/outline';
import type { ContentStore } from '../content/store-types';
import { SEARCH_ARTIFACT, SEARCH_COPY_ARTIFACT } from './artifact';
import {
  loadSearchIndex,
  SEARCH_INDEX_VERSION,
  SearchIndexError,
  type SearchIndex,
  type SectionHit,
} from './index';

export interface SearchService {
  readonly index: SearchIndex;
  search(query: string, opts?: { limit?: number }): SearchResultItem[];
}

/** Loads the stored index; refuses a missing or mismatched one with a clear message. */
export function loadStoredIndex(store: ContentStore): SearchIndex {
  const rebuild = `rebuild the content with "npm run build:content"`;
  const parts: string[] = [];
  for (const name of [SEARCH_ARTIFACT, SEARCH_COPY_ARTIFACT]) {
    const artifact = store.artifact(name);
    if (!artifact) {
      throw new ApiError('unavailable', `${store.path} has no search index (${name}); ${rebuild}`);
    }
    if (artifact.version !== SEARCH_INDEX_VERSION) {
      throw new ApiError(
        'unavailable',
        `the search index in ${store.path} was built by ${artifact.version}, this app needs ${SEARCH_INDEX_VERSION}; ${rebuild}`,
      );
    }
    if (typeof artifact.body !== 'string') {
      throw new ApiError(
        'unavailable',
        `the search index in ${store.path} is not text; ${rebuild}`,
      );
    }
    parts.push(artifact.body);
  }
  try {
    return loadSearchIndex({ version: SEARCH_INDEX_VERSION, lunr: parts[0]!, copy: parts[1]! });
  } catch (err) {
    if (err instanceof SearchIndexError) throw new ApiError('unavailable', err.message);
    throw err;
  }
}

export function createSearchService(store: ContentStore): SearchService {
  const index = loadStoredIndex(store);
  const outline = new Outline(store.toc());

  const toItem = (hit: SectionHit): SearchResultItem => {
    const title = outline.entry(hit.id)?.title ?? hit.id;
    const firstText = hit.hits.find((h) => h.paragraphId !== null);
    let snippet;
    let paragraphId: string | null = null;
    if (firstText && firstText.paragraphId !== null) {
      paragraphId = firstText.paragraphId;
      const text = store.paragraph(paragraphId)?.text ?? '';
      const ranges = hit.hits
        .filter((h) => h.paragraphId === paragraphId)
        .map((h): [number, number] => [h.start, h.end]);
      snippet = makeSnippet(text, ranges);
    } else {
      const ranges = hit.hits.map((h): [number, number] => [h.start, h.end]);
      snippet = makeSnippet(title, ranges);
    }
    return {
      kind: 'text',
      sectionId: hit.id,
      title,
      path: outline.path(hit.id),
      paragraphId,
      snippet: snippet.text,
      highlights: snippet.highlights,
      hits: hit.hits.length,
      score: Math.round(hit.score * 1000) / 1000,
      ranges: hit.hits,
    };
  };

  return {
    index,
    search(query, opts = {}) {
      const limit = opts.limit ?? DEFAULT_SEARCH_LIMIT;
      return index.search(query, { limit }).map(toItem);
    },
  };
}

// The search service the hosts call: loads the index stored in the content
// database once (Lunr's JSON and the search copy; never rebuilt per query) and
// answers a query with the contract's SearchResponse (text part): the result rows
// in the order asked (title path, snippet around the first hit, highlights into the
// snippet, every hit range of the section), and every hit of the whole document in
// reading order — the list next/previous hit walks, which does not depend on how
// many rows are shown. The paragraphs a row's snippet is cut from are kept (a bounded
// number, the content being read-only): as the reader types a word, each keystroke's
// rows are mostly the last one's, and reading them again was a third of an answer's time.
import { ApiError } from '../../common/api/contract';
import type { DocumentHit, SearchResponse, SearchResultItem } from '../../common/api/types';
import {
  DEFAULT_SEARCH_LIMIT,
  MAX_DOCUMENT_HITS,
  type SearchOrder,
} from '../../common/rules/search';
import { parseQuery } from '../../common/search/query';
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

export interface TextSearchOptions {
  /** Most rows (default DEFAULT_SEARCH_LIMIT). */
  limit?: number;
  /** Order of the rows (default relevance). */
  order?: SearchOrder;
  /** Most document hits listed (default MAX_DOCUMENT_HITS). */
  maxHits?: number;
}

export interface SearchService {
  readonly index: SearchIndex;
  /** The text part of a search answer (`results` holds text rows only). */
  search(query: string, opts?: TextSearchOptions): SearchResponse;
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

/** Paragraph texts kept for snippets (a hundred rows per answer, a few answers). */
export const SNIPPET_TEXTS_KEPT = 1024;

export function createSearchService(store: ContentStore): SearchService {
  const index = loadStoredIndex(store);
  const outline = new Outline(store.toc());
  // Oldest first (a Map keeps insertion order); a text used again moves to the end.
  const texts = new Map<string, string>();
  const paragraphText = (id: string): string => {
    let text = texts.get(id);
    if (text !== undefined) texts.delete(id);
    else {
      text = store.paragraph(id)?.text ?? '';
      if (texts.size >= SNIPPET_TEXTS_KEPT) texts.delete(texts.keys().next().value as string);
    }
    texts.set(id, text);
    return text;
  };

  const toItem = (hit: SectionHit): SearchResultItem => {
    const title = outline.entry(hit.id)?.title ?? hit.id;
    const firstText = hit.hits.find((h) => h.paragraphId !== null);
    let snippet;
    let paragraphId: string | null = null;
    if (firstText && firstText.paragraphId !== null) {
      paragraphId = firstText.paragraphId;
      const text = paragraphText(paragraphId);
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
      const order = opts.order ?? 'relevance';
      const maxHits = opts.maxHits ?? MAX_DOCUMENT_HITS;
      const terms = parseQuery(query).map((t) => t.text);
      // Every section that holds the query (relevance order), hits and all: the
      // document-wide list needs them whatever the limit.
      const found = terms.length === 0 ? [] : index.search(query);
      const inReadingOrder = [...found].sort((a, b) => a.ordinal - b.ordinal);
      const hits: DocumentHit[] = [];
      let totalHits = 0;
      for (const section of inReadingOrder) {
        totalHits += section.hits.length;
        for (const h of section.hits) {
          if (hits.length >= maxHits) break;
          hits.push({
            sectionId: section.id,
            paragraphId: h.paragraphId,
            start: h.start,
            end: h.end,
          });
        }
      }
      const rows = (order === 'document' ? inReadingOrder : found).slice(0, limit).map(toItem);
      return {
        query,
        order,
        terms,
        results: rows,
        hits,
        totalHits,
        totalSections: found.length,
        truncated: totalHits > hits.length,
      };
    },
  };
}

// Bounds of a search call, the same for every host (the reading pane, the browser
// edition, the CLI): how many results a caller gets when it names no limit, the
// most it may ask for, and the longest query accepted (longer input is refused,
// never truncated silently), the orders results come in, and how many hits of the
// whole document one answer lists.

/** Results (text hits, then note hits) returned when the caller gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 100;
/** The most results one call may ask for. */
export const MAX_SEARCH_LIMIT = 1000;
/** Longest search query, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 10_000;

/**
 * The orders of a result list: relevance (sections with a title hit first, then
 * Lunr's score) or document (reading order). The reader's choice is the
 * `searchOrder` preference.
 */
export const SEARCH_ORDERS = ['relevance', 'document'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/**
 * Most hits of the whole document one search answer lists (its `hits`, what F3
 * walks): past it the list stops and says `truncated`; the totals still count all.
 */
export const MAX_DOCUMENT_HITS = 20_000;
/**
 * "Also search for …" (other names of what a query names) is offered when the query
 * finds fewer hits in the text than this (see ../glossary/other-names.ts for why 3).
 */
export const FEW_HITS = 3;

// Bounds of a search call, the same for every host (the reading pane, the browser
// edition, the CLI): how many results a caller gets when it names no limit, the
// most it may ask for, and the longest query accepted (longer input is refused,
// never truncated silently).

/** Results (text hits, then note hits) returned when the caller gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 100;
/** The most results one call may ask for. */
export const MAX_SEARCH_LIMIT = 1000;
/** Longest search query, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 10_000;
/**
 * "Also search for …" (other names of what a query names) is offered when the query
 * finds fewer hits in the text than this (see ../glossary/other-names.ts for why 3).
 */
export const FEW_HITS = 3;

// Search as you type, over the text and the reader's notes. The field hands over a
// query only when no IME composition is in progress. Requests never pile up: one is in
// flight at a time and, when it comes back, only the latest query is sent next (latest
// wins, nothing stale is shown). The previous results stay on screen until new ones
// arrive, so the list does not flicker to empty between keystrokes.
//
// What a query finds is the core's answer to `search` alone: the result rows (text
// sections in the order the reader chose — relevance or the document's — then the
// hits in the reader's notes, kind 'note') and every hit of the whole document in
// reading order, which next/previous hit walks. The renderer shows that answer as it
// is and never adds to it, so each hit is listed once, however the core composes it.
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type {
  SearchOrder,
  SearchResponse,
  SearchResultItem,
} from '../../../../electron/common/api/types';
import { DEFAULT_SEARCH_LIMIT } from '../../../../electron/common/rules/search';
import { DEFAULT_PREFS } from '../../../../electron/common/rules/prefs';

export const SEARCH_LIMIT = DEFAULT_SEARCH_LIMIT;

/** One question to the core: a query in an order. */
interface Ask {
  query: string;
  order: SearchOrder;
}

const sameAsk = (a: Ask | null, b: Ask | null) =>
  !!a && !!b && a.query === b.query && a.order === b.order;

export class SearchState {
  /** The query as last handed over by the field (never mid-composition). */
  query = $state('');
  /** The order of the text rows (the reader's `searchOrder` preference). */
  order = $state<SearchOrder>(DEFAULT_PREFS.searchOrder);
  /** The core's whole answer for the rows on screen. */
  response = $state.raw<SearchResponse | null>(null);
  results = $state.raw<SearchResultItem[]>([]);
  /** The query the shown results answer. */
  resultsFor = $state('');
  error = $state<string | null>(null);
  inFlight = $state(false);
  /** Index of the result that has keyboard focus in the list (-1: the field). */
  active = $state(-1);

  /** Text rows (the rest are notes). */
  private textRows = $derived(this.results.filter((r) => r.kind === 'text'));
  noteCount = $derived(this.results.length - this.textRows.length);
  /** Hits in the text alone, in the whole document (the notes' are the reader's words). */
  textHits = $derived(this.response?.totalHits ?? 0);
  /** Hits in the whole text (not only the rows listed) and in the notes listed. */
  totalHits = $derived(
    this.textHits + this.results.filter((r) => r.kind === 'note').reduce((n, r) => n + r.hits, 0),
  );
  /** Sections with a hit in the whole text (the list may show fewer). */
  sectionCount = $derived(this.response?.totalSections ?? this.textRows.length);
  settled = $derived(!this.inFlight && this.resultsFor === this.query.trim());

  private readonly api: Pick<ApiClient, 'search'>;
  /** What the results on screen answer. */
  private shown: Ask | null = null;
  /** Counts the documents searched in this page: an answer for an earlier one is dropped. */
  private generation = 0;

  /** `api`: the contract client (a fake one in tests). */
  constructor(api: Pick<ApiClient, 'search'> = defaultApi) {
    this.api = api;
  }

  private latest(): Ask | null {
    const q = this.query.trim();
    return q === '' ? null : { query: q, order: this.order };
  }

  setQuery(raw: string): void {
    this.query = raw;
    if (raw.trim() === '') {
      this.clearResults();
      return;
    }
    this.ask();
  }

  private clearResults(): void {
    this.results = [];
    this.response = null;
    this.resultsFor = '';
    this.shown = null;
    this.error = null;
    this.active = -1;
  }

  /** Orders the text rows anew (the same query asked again in the other order). */
  setOrder(order: SearchOrder): void {
    if (order === this.order) return;
    this.order = order;
    this.ask();
  }

  /**
   * Another document is read: its results for the same query (those on screen, of the
   * document before, go at once).
   */
  refresh(): void {
    this.generation += 1;
    this.inFlight = false;
    this.clearResults();
    this.ask();
  }

  private ask(): void {
    const next = this.latest();
    if (next && !this.inFlight && !sameAsk(next, this.shown)) void this.run(next);
  }

  private async run(ask: Ask): Promise<void> {
    this.inFlight = true;
    const generation = this.generation;
    try {
      const response = await this.api.search({
        query: ask.query,
        limit: SEARCH_LIMIT,
        order: ask.order,
      });
      if (generation !== this.generation) return;
      if (sameAsk(this.latest(), ask)) {
        this.response = response;
        this.results = response.results;
        this.resultsFor = ask.query;
        this.shown = ask;
        this.error = null;
        this.active = -1;
      }
    } catch (err) {
      if (generation !== this.generation) return;
      if (sameAsk(this.latest(), ask)) {
        this.error = messageOf(err);
        this.results = [];
        this.response = null;
        this.resultsFor = ask.query;
        this.shown = ask;
      }
    } finally {
      if (generation === this.generation) this.inFlight = false;
    }
    this.ask();
  }

  /** The result row of a section in the current results, if any (never a note row). */
  forSection(sectionId: string): SearchResultItem | undefined {
    return this.textRows.find((r) => r.sectionId === sectionId);
  }
}

export const search = new SearchState();

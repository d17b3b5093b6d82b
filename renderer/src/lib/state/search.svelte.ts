// Search as you type, over the text and the reader's notes. The field hands over a
// query only when no IME composition is in progress. Requests never pile up: one is in
// flight at a time and, when it comes back, only the latest query is sent next (latest
// wins, nothing stale is shown). The previous results stay on screen until new ones
// arrive, so the list does not flicker to empty between keystrokes.
//
// What a query finds is the core's answer to `search` alone: text hits, then the hits in
// the reader's notes (kind 'note'). The renderer shows that list as it is and never adds
// to it, so each hit is listed once, however the core composes the list.
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { SearchResultItem } from '../../../../electron/common/api/types';
import { DEFAULT_SEARCH_LIMIT } from '../../../../electron/common/rules/search';

export const SEARCH_LIMIT = DEFAULT_SEARCH_LIMIT;

export class SearchState {
  /** The query as last handed over by the field (never mid-composition). */
  query = $state('');
  results = $state.raw<SearchResultItem[]>([]);
  /** The query the shown results answer. */
  resultsFor = $state('');
  error = $state<string | null>(null);
  inFlight = $state(false);
  /** Index of the result that has keyboard focus in the list (-1: the field). */
  active = $state(-1);

  totalHits = $derived(this.results.reduce((n, r) => n + r.hits, 0));
  /** Hits in the text alone (the notes' are the reader's words, not the book's). */
  textHits = $derived(this.results.reduce((n, r) => n + (r.kind === 'text' ? r.hits : 0), 0));
  /** Rows that are sections of the text (the rest are notes). */
  sectionCount = $derived(this.results.filter((r) => r.kind === 'text').length);
  noteCount = $derived(this.results.length - this.sectionCount);
  settled = $derived(!this.inFlight && this.resultsFor === this.query.trim());

  private readonly api: Pick<ApiClient, 'search'>;

  /** `api`: the contract client (a fake one in tests). */
  constructor(api: Pick<ApiClient, 'search'> = defaultApi) {
    this.api = api;
  }

  setQuery(raw: string): void {
    this.query = raw;
    const q = raw.trim();
    if (q === '') {
      this.results = [];
      this.resultsFor = '';
      this.error = null;
      this.active = -1;
      return;
    }
    if (!this.inFlight && q !== this.resultsFor) void this.run(q);
  }

  private async run(q: string): Promise<void> {
    this.inFlight = true;
    try {
      const { results } = await this.api.search({ query: q, limit: SEARCH_LIMIT });
      if (this.query.trim() === q) {
        this.results = results;
        this.resultsFor = q;
        this.error = null;
        this.active = -1;
      }
    } catch (err) {
      if (this.query.trim() === q) {
        this.error = messageOf(err);
        this.results = [];
        this.resultsFor = q;
      }
    } finally {
      this.inFlight = false;
    }
    const latest = this.query.trim();
    if (latest !== '' && latest !== this.resultsFor) void this.run(latest);
  }

  /** The result for a section in the current results, if any (to mark hits there). */
  forSection(sectionId: string): SearchResultItem | undefined {
    return this.results.find((r) => r.sectionId === sectionId && r.kind === 'text');
  }
}

export const search = new SearchState();

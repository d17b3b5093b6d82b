// "Also search for …": when a query finds few hits in the text (fewer than FEW_HITS,
// a rule in electron/common/rules/search.ts), the core is asked for the same query
// with a name written the other ways (インフレ抑制法 → インフレ削減法, IRA), each with
// its own count. They are shown as suggestions under the results and run only when
// the reader chooses one: a result list always answers exactly what was typed. Only
// the answer for the latest query is kept; a failed call shows nothing.
import { api as defaultApi } from '../api';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { SearchSuggestion } from '../../../../electron/common/api/types';
import { FEW_HITS } from '../../../../electron/common/rules/search';

export class SuggestionsState {
  /** The query the suggestions are for ('' for none). */
  query = $state('');
  list = $state.raw<SearchSuggestion[]>([]);

  private seq = 0;
  private readonly api: Pick<ApiClient, 'searchSuggestions'>;

  /** `api`: the contract client (a fake one in tests). */
  constructor(api: Pick<ApiClient, 'searchSuggestions'> = defaultApi) {
    this.api = api;
  }

  /**
   * Follows the results on screen: `query` found `textHits` hits in the text. With
   * few, asks the core for other names; with enough (or no query), shows none.
   */
  async update(query: string, textHits: number): Promise<void> {
    const q = query.trim();
    if (q === this.query && this.seq > 0) return;
    const seq = ++this.seq;
    if (q === '' || textHits >= FEW_HITS) {
      this.show(q, []);
      return;
    }
    try {
      const answer = await this.api.searchSuggestions({ query: q });
      if (seq === this.seq) this.show(q, answer.suggestions);
    } catch {
      if (seq === this.seq) this.show(q, []);
    }
  }

  /** Another document is read: its own suggestions follow its results (an answer in flight is dropped). */
  clear(): void {
    this.seq += 1;
    this.show('', []);
  }

  private show(query: string, list: SearchSuggestion[]): void {
    this.query = query;
    this.list = list;
  }
}

export const suggestions = new SuggestionsState();

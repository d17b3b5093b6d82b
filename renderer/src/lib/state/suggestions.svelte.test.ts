import { describe, expect, it } from 'vitest';
import type { SearchSuggestions } from '../../../../electron/common/api/types';
import { FEW_HITS } from '../../../../electron/common/rules/search';
import { deferred, fakeApi, settle } from '../testing/fake-api';
import { SuggestionsState } from './suggestions.svelte';

const answer = (query: string, suggestions: SearchSuggestions['suggestions']) => ({
  query,
  hits: 0,
  suggestions,
});
const other = {
  query: 'インフレ削減法',
  replaced: 'インフレ抑制法',
  by: 'インフレ削減法',
  hits: 4,
};

describe('also search for', () => {
  it('asks the core for other names when a query has few hits, and keeps its answer', async () => {
    const fake = fakeApi({ searchSuggestions: ({ query }) => answer(query, [other]) });
    const state = new SuggestionsState(fake.client);
    await state.update(' インフレ抑制法 ', 0);
    expect(fake.argsOf('searchSuggestions')).toEqual([{ query: 'インフレ抑制法' }]);
    expect(state.query).toBe('インフレ抑制法');
    expect(state.list).toEqual([other]);
    // The same query again (the results redrawn): not asked twice.
    await state.update('インフレ抑制法', 0);
    expect(fake.calls).toHaveLength(1);
  });

  it('asks nothing and shows nothing once a query has enough hits, or for no query', async () => {
    const fake = fakeApi({ searchSuggestions: ({ query }) => answer(query, [other]) });
    const state = new SuggestionsState(fake.client);
    await state.update('インフレ抑制法', 0);
    await state.update('インフレ削減法', FEW_HITS);
    expect(state.list).toEqual([]);
    await state.update('', 0);
    expect(state.list).toEqual([]);
    expect(fake.argsOf('searchSuggestions')).toEqual([{ query: 'インフレ抑制法' }]);
  });

  it('shows only the answer for the latest query', async () => {
    const late = deferred<SearchSuggestions>();
    let first = true;
    const fake = fakeApi({
      searchSuggestions: ({ query }) => {
        if (first) {
          first = false;
          return late.promise;
        }
        return answer(query, []);
      },
    });
    const state = new SuggestionsState(fake.client);
    const pending = state.update('抑制法', 0);
    await state.update('CHIPS', 1);
    late.resolve(answer('抑制法', [other]));
    await pending;
    await settle();
    expect(state.query).toBe('CHIPS');
    expect(state.list).toEqual([]);
  });

  it('shows nothing when the core cannot answer', async () => {
    const fake = fakeApi({
      searchSuggestions: () => {
        throw new Error('search is not available');
      },
    });
    const state = new SuggestionsState(fake.client);
    await state.update('IRA', 1);
    expect(state.list).toEqual([]);
    expect(state.query).toBe('IRA');
  });
});

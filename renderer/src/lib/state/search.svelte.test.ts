import { describe, expect, it } from 'vitest';
import type { SearchResultItem } from '../../../../electron/common/api/types';
import { deferred, fakeApi, settle, type Deferred } from '../testing/fake-api';
import { noteResult, searchResponse, textResult } from '../testing/fixtures';
import { SEARCH_LIMIT, SearchState } from './search.svelte';

/** A search whose replies the test hands out one by one, in the order they were asked. */
function pendingSearch() {
  const replies: Deferred<SearchResultItem[]>[] = [];
  const fake = fakeApi({
    search: ({ query }) => {
      const reply = deferred<SearchResultItem[]>();
      replies.push(reply);
      return reply.promise.then((results) => searchResponse(results, { query }));
    },
  });
  return { fake, replies, state: new SearchState(fake.client) };
}

describe('search state', () => {
  it('lists what the core returns for a query, each hit once, and asks nothing else', async () => {
    const text = textResult({ hits: 3 });
    const note = noteResult({ hits: 1 });
    const fake = fakeApi({
      search: ({ query }) =>
        searchResponse([text, note], { query, totalHits: 3, totalSections: 1 }),
    });
    const state = new SearchState(fake.client);
    state.setQuery(' 半導体 ');
    await settle();
    // The core already appends note hits: the renderer must not ask for them again.
    expect(fake.calls.map((c) => c.method)).toEqual(['search']);
    expect(fake.argsOf('search')).toEqual([
      { query: '半導体', limit: SEARCH_LIMIT, order: 'relevance' },
    ]);
    expect(state.results).toEqual([text, note]);
    expect(state.resultsFor).toBe('半導体');
    expect(state.totalHits).toBe(4);
    expect(state.sectionCount).toBe(1);
    expect(state.noteCount).toBe(1);
    expect(state.settled).toBe(true);
  });

  it('keeps one request in flight and sends only the latest query next (latest wins)', async () => {
    const { fake, replies, state } = pendingSearch();
    state.setQuery('半');
    state.setQuery('半導');
    state.setQuery('半導体');
    expect(fake.argsOf('search').map((a) => a.query)).toEqual(['半']);
    expect(state.inFlight).toBe(true);
    replies[0]!.resolve([textResult({ snippet: '半' })]);
    await settle();
    // The answer to 「半」 is stale: never shown; 「半導」 is skipped altogether.
    expect(state.results).toEqual([]);
    expect(state.resultsFor).toBe('');
    expect(fake.argsOf('search').map((a) => a.query)).toEqual(['半', '半導体']);
    const latest = [textResult({ sectionId: 'us-2' })];
    replies[1]!.resolve(latest);
    await settle();
    expect(state.results).toEqual(latest);
    expect(state.resultsFor).toBe('半導体');
    expect(state.settled).toBe(true);
    expect(fake.calls).toHaveLength(2);
  });

  it('keeps the previous results on screen until the new ones arrive', async () => {
    const { replies, state } = pendingSearch();
    state.setQuery('米国');
    const first = [textResult()];
    replies[0]!.resolve(first);
    await settle();
    state.setQuery('米国 経済');
    expect(state.results).toBe(first);
    expect(state.settled).toBe(false);
    replies[1]!.resolve([]);
    await settle();
    expect(state.results).toEqual([]);
    expect(state.resultsFor).toBe('米国 経済');
  });

  it('drops a reply for a query the reader has since cleared', async () => {
    const { replies, state } = pendingSearch();
    state.setQuery('カナダ');
    state.setQuery('');
    replies[0]!.resolve([textResult()]);
    await settle();
    expect(state.results).toEqual([]);
    expect(state.resultsFor).toBe('');
    expect(replies).toHaveLength(1);
  });

  it('does not ask again for the query already shown (spaces around it do not count)', async () => {
    const fake = fakeApi({ search: ({ query }) => searchResponse([textResult()], { query }) });
    const state = new SearchState(fake.client);
    state.setQuery('関税');
    await settle();
    state.setQuery(' 関税  ');
    await settle();
    expect(fake.calls).toHaveLength(1);
  });

  it('reports a failure for the query on screen, and clears it with the next answer', async () => {
    const { replies, state } = pendingSearch();
    state.setQuery('関税');
    replies[0]!.reject(new Error('search is not available: the content has no index'));
    await settle();
    expect(state.error).toBe('search is not available: the content has no index');
    expect(state.results).toEqual([]);
    expect(state.resultsFor).toBe('関税');
    expect(state.inFlight).toBe(false);
    state.setQuery('関税 引き上げ');
    replies[1]!.resolve([textResult()]);
    await settle();
    expect(state.error).toBeNull();
    expect(state.results).toHaveLength(1);
  });

  it('ignores a failure of a stale query and sends the latest one', async () => {
    const { replies, state } = pendingSearch();
    state.setQuery('a');
    state.setQuery('ab');
    replies[0]!.reject('offline');
    await settle();
    expect(state.error).toBeNull();
    replies[1]!.resolve([textResult()]);
    await settle();
    expect(state.resultsFor).toBe('ab');
    expect(state.results).toHaveLength(1);
  });

  it('clearing the query clears results, error and the active row', async () => {
    const fake = fakeApi({
      search: ({ query }) =>
        searchResponse([textResult(), textResult({ sectionId: 'us-2' })], { query }),
    });
    const state = new SearchState(fake.client);
    state.setQuery('米国');
    await settle();
    state.active = 1;
    state.setQuery('   ');
    expect(state.results).toEqual([]);
    expect(state.resultsFor).toBe('');
    expect(state.active).toBe(-1);
    expect(state.settled).toBe(true);
  });

  it('finds the text result of a section for marking hits, never a note row', async () => {
    const note = noteResult({ sectionId: 'us-3' });
    const text = textResult({ sectionId: 'us-3' });
    const fake = fakeApi({ search: ({ query }) => searchResponse([note, text], { query }) });
    const state = new SearchState(fake.client);
    state.setQuery('補助金');
    await settle();
    expect(state.forSection('us-3')).toBe(text);
    expect(state.forSection('us-9')).toBeUndefined();
  });

  it('counts every hit and section of the document, not only the rows listed', async () => {
    const rows = [textResult({ hits: 2 })];
    const fake = fakeApi({
      search: ({ query }) => searchResponse(rows, { query, totalHits: 250, totalSections: 40 }),
    });
    const state = new SearchState(fake.client);
    state.setQuery('米国');
    await settle();
    expect(state.totalHits).toBe(250);
    expect(state.sectionCount).toBe(40);
    expect(state.response?.totalHits).toBe(250);
  });

  it('asks again in the other order when the reader changes it, and not before a query', async () => {
    const fake = fakeApi({
      search: ({ query, order }) =>
        searchResponse([textResult({ sectionId: order === 'document' ? 'us' : 'us-3' })], {
          query,
          order: order ?? 'relevance',
        }),
    });
    const state = new SearchState(fake.client);
    state.setOrder('document');
    expect(fake.calls).toHaveLength(0);
    state.setQuery('日米');
    await settle();
    state.setOrder('relevance');
    await settle();
    expect(fake.argsOf('search').map((a) => a.order)).toEqual(['document', 'relevance']);
    expect(state.results[0]!.sectionId).toBe('us-3');
    expect(state.response?.order).toBe('relevance');
    // The same order again asks nothing.
    state.setOrder('relevance');
    await settle();
    expect(fake.calls).toHaveLength(2);
  });
});

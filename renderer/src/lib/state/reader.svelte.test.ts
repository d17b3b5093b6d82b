import { describe, expect, it, vi } from 'vitest';
import type { SearchResultItem, SectionView } from '../../../../electron/common/api/types';
import { deferred, fakeApi, settle } from '../testing/fake-api';
import { sectionView, textResult } from '../testing/fixtures';
import { ReaderState } from './reader.svelte';

const SECTIONS: Record<string, SectionView> = {
  'us-1': sectionView({ id: 'us-1', prev: null, next: 'us-2' }),
  'us-2': sectionView({ id: 'us-2', prev: 'us-1', next: 'us-3' }),
  'us-3': sectionView({ id: 'us-3', prev: 'us-2', next: null }),
};

/** A reader over three sections; `slow` sections answer when the test says. */
function setup(options: { search?: SearchResultItem[]; query?: string; slow?: string[] } = {}) {
  const pending = new Map(options.slow?.map((id) => [id, deferred<SectionView>()]));
  const fake = fakeApi({
    getSection: async ({ id }) => {
      const wait = pending.get(id);
      if (wait) await wait.promise;
      const view = SECTIONS[id];
      if (!view) throw new Error(`no section with id "${id}"`);
      return view;
    },
  });
  const history = { record: vi.fn() };
  const results = options.search ?? [];
  const search = {
    resultsFor: options.query ?? '',
    forSection: (id: string) => results.find((r) => r.sectionId === id && r.kind === 'text'),
  };
  const state = new ReaderState({ api: fake.client, history, search });
  return { fake, history, state, pending };
}

const opened = (fake: ReturnType<typeof setup>['fake']) =>
  fake.argsOf('getSection').map((a) => a.id);

describe('reader state: opening sections', () => {
  it('shows the section, asks the pane to place it at the top and records it in history', async () => {
    const { state, history } = setup();
    expect(await state.open('us-2')).toBe(true);
    expect(state.section?.id).toBe('us-2');
    expect(state.status).toBe('ready');
    expect(state.scrollTicket).toBe(1);
    expect(state.takeScrollRequest()).toEqual({ kind: 'top' });
    // Each request is used once.
    expect(state.takeScrollRequest()).toBeNull();
    expect(history.record).toHaveBeenCalledWith({ sectionId: 'us-2' }, 'push');
  });

  it('prefetches the neighbours and answers from its cache afterwards', async () => {
    const { state, fake } = setup();
    await state.open('us-2');
    await settle();
    expect(opened(fake).sort()).toEqual(['us-1', 'us-2', 'us-3']);
    await state.goNext();
    await state.goPrev();
    expect(state.section?.id).toBe('us-2');
    expect(fake.calls).toHaveLength(3);
  });

  it('shows the section asked for last when answers arrive out of order', async () => {
    const { state, pending } = setup({ slow: ['us-1'] });
    const first = state.open('us-1');
    const second = state.open('us-3');
    expect(await second).toBe(true);
    pending.get('us-1')!.resolve(SECTIONS['us-1']!);
    expect(await first).toBe(false);
    expect(state.section?.id).toBe('us-3');
  });

  it('keeps the section on screen and says why when a section cannot be opened', async () => {
    const { state } = setup();
    await state.open('us-1');
    expect(await state.open('nowhere')).toBe(false);
    expect(state.section?.id).toBe('us-1');
    expect(state.error).toBe('no section with id "nowhere"');
    await state.open('us-2');
    expect(state.error).toBeNull();
  });

  it('records a jump to a note with the note in the route, and follows the history mode', async () => {
    const { state, history } = setup();
    await state.open('us-1', { scroll: { kind: 'annotation', id: 'a-1' }, history: 'replace' });
    expect(history.record).toHaveBeenLastCalledWith(
      { sectionId: 'us-1', annotationId: 'a-1' },
      'replace',
    );
    expect(state.takeScrollRequest()).toEqual({ kind: 'annotation', id: 'a-1' });
  });

  it('does not move past the first or last section', async () => {
    const { state } = setup();
    await state.open('us-1');
    expect(await state.goPrev()).toBe(false);
    await state.open('us-3');
    expect(await state.goNext()).toBe(false);
    expect(state.section?.id).toBe('us-3');
  });
});

describe('reader state: search hits in the text', () => {
  const hits = {
    query: '半導体',
    sectionId: 'us-1',
    ranges: [
      { paragraphId: 'us-1-p1', start: 0, end: 3 },
      { paragraphId: 'us-1-p2', start: 0, end: 3 },
      { paragraphId: 'us-1-p3', start: 5, end: 8 },
    ],
  };

  it('steps through the hits of the open section, wrapping, and asks the pane to show each', async () => {
    const { state } = setup();
    await state.open('us-1', { hits, scroll: { kind: 'hit', index: 0 } });
    expect(state.hitCount).toBe(3);
    state.takeScrollRequest();
    state.stepHit(-1);
    expect(state.currentHit).toBe(2);
    expect(state.takeScrollRequest()).toEqual({ kind: 'hit', index: 2 });
    state.stepHit(1);
    expect(state.currentHit).toBe(0);
  });

  it('marks the hits of the search on screen in a section opened without hits', async () => {
    const result = textResult({
      sectionId: 'us-2',
      ranges: [{ paragraphId: 'us-1-p1', start: 0, end: 2 }],
    });
    const { state } = setup({ search: [result], query: '米国' });
    await state.open('us-2');
    expect(state.hits).toEqual({ query: '米国', sectionId: 'us-2', ranges: result.ranges });
    // A section the search did not find has none; an earlier section's marks are not carried over.
    await state.open('us-3');
    expect(state.hits).toBeNull();
    expect(state.hitCount).toBe(0);
  });

  it('follows the search as the reader types, and clears marks on request', async () => {
    const { state } = setup();
    await state.open('us-1', { hits });
    state.stepHit(1);
    state.showSearchHits();
    // The search on screen has nothing for us-1: the marks go, the current hit resets.
    expect(state.hits).toBeNull();
    expect(state.currentHit).toBe(0);
    await state.open('us-1', { hits });
    state.clearHits();
    expect(state.hits).toBeNull();
    state.stepHit(1);
    expect(state.takeScrollRequest()).toEqual({ kind: 'top' });
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { DocumentHit, SectionView } from '../../../../electron/common/api/types';
import { deferred, fakeApi } from '../testing/fake-api';
import { searchResponse, sectionView, tocEntry } from '../testing/fixtures';
import { ReaderState } from './reader.svelte';

const SECTIONS: Record<string, SectionView> = {
  'us-1': sectionView({ id: 'us-1', prev: null, next: 'us-2' }),
  'us-2': sectionView({ id: 'us-2', prev: 'us-1', next: 'us-3' }),
  'us-3': sectionView({ id: 'us-3', prev: 'us-2', next: null }),
};
const TOC = Object.keys(SECTIONS).map((id) => tocEntry({ id }));

/** A reader over three sections; `slow` sections answer when the test says. */
function setup(options: { slow?: string[] } = {}) {
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
  const state = new ReaderState({ api: fake.client, history });
  state.toc = TOC;
  return { fake, history, state, pending };
}

const fetched = (fake: ReturnType<typeof setup>['fake']) =>
  fake.argsOf('getSection').map((a) => a.id);

describe('reader state: moving through the document', () => {
  it('opens a section: in view, a jump to its top for the view, a new history entry', async () => {
    const { state, history } = setup();
    expect(await state.open('us-2')).toBe(true);
    expect(state.currentId).toBe('us-2');
    expect(state.section?.id).toBe('us-2');
    expect(state.status).toBe('ready');
    expect(state.takeJump()).toMatchObject({ sectionId: 'us-2', placement: { kind: 'top' } });
    // Each jump is taken once.
    expect(state.takeJump()).toBeNull();
    expect(history.record).toHaveBeenCalledWith({ sectionId: 'us-2' }, 'push');
  });

  it('fetches each section once, however often it is asked for at once', async () => {
    const { state, fake, pending } = setup({ slow: ['us-2'] });
    const a = state.load('us-2');
    const b = state.load('us-2');
    const all = state.loadAll(['us-1', 'us-2', 'us-3']);
    pending.get('us-2')!.resolve(SECTIONS['us-2']!);
    expect(await a).toBe(await b);
    await all;
    expect(fetched(fake).sort()).toEqual(['us-1', 'us-2', 'us-3']);
    await state.open('us-2');
    expect(fake.calls).toHaveLength(3);
    expect([...state.views.keys()].sort()).toEqual(['us-1', 'us-2', 'us-3']);
  });

  it('follows the section in view without adding history entries', async () => {
    const { state, history } = setup();
    await state.open('us-1');
    state.follow('us-2');
    expect(state.currentId).toBe('us-2');
    expect(history.record).toHaveBeenLastCalledWith({ sectionId: 'us-2' }, 'replace');
    // The same section again, or one the outline does not have: nothing.
    state.follow('us-2');
    state.follow('nowhere');
    expect(history.record).toHaveBeenCalledTimes(2);
    expect(state.currentId).toBe('us-2');
  });

  it('moves to the previous and next section in reading order, not past either end', async () => {
    const { state } = setup();
    await state.open('us-1');
    expect(await state.goPrev()).toBe(false);
    expect(await state.goNext()).toBe(true);
    expect(state.currentId).toBe('us-2');
    await state.open('us-3');
    expect(await state.goNext()).toBe(false);
  });

  it('shows the section asked for last when answers arrive out of order', async () => {
    const { state, pending } = setup({ slow: ['us-1'] });
    const first = state.open('us-1');
    const second = state.open('us-3');
    expect(await second).toBe(true);
    pending.get('us-1')!.resolve(SECTIONS['us-1']!);
    expect(await first).toBe(false);
    expect(state.currentId).toBe('us-3');
  });

  it('drops everything of the document left when another is read, answers in flight included', async () => {
    const { state, pending } = setup({ slow: ['us-2'] });
    await state.open('us-1');
    const late = state.open('us-2');
    state.reset();
    expect(state).toMatchObject({ currentId: null, status: 'loading', toc: [], doc: null });
    expect(state.views.size).toBe(0);
    pending.get('us-2')!.resolve(SECTIONS['us-2']!);
    expect(await late).toBe(false);
    // The other document's answer never lands among this one's sections.
    expect(state.views.size).toBe(0);
    expect(state.currentId).toBeNull();
  });

  it('keeps the section in view and says why when a section cannot be opened', async () => {
    const { state } = setup();
    await state.open('us-1');
    expect(await state.open('nowhere')).toBe(false);
    expect(state.currentId).toBe('us-1');
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
    expect(state.takeJump()?.placement).toEqual({ kind: 'annotation', id: 'a-1' });
  });
});

describe('reader state: the hits of the whole document', () => {
  // Seven hits in three sections, in reading order.
  const HITS: DocumentHit[] = [
    { sectionId: 'us-1', paragraphId: null, start: 0, end: 3 },
    { sectionId: 'us-1', paragraphId: 'us-1-p2', start: 0, end: 3 },
    { sectionId: 'us-2', paragraphId: 'us-1-p1', start: 0, end: 3 },
    { sectionId: 'us-2', paragraphId: 'us-1-p2', start: 4, end: 7 },
    { sectionId: 'us-2', paragraphId: 'us-1-p3', start: 1, end: 4 },
    { sectionId: 'us-3', paragraphId: 'us-1-p1', start: 2, end: 5 },
    { sectionId: 'us-3', paragraphId: 'us-1-p3', start: 0, end: 3 },
  ];
  const answer = searchResponse([], { query: '半導体', hits: HITS, totalHits: 7 });

  it('marks the hits as the reader types, with no current hit and nothing scrolled', () => {
    const { state } = setup();
    state.showSearchHits(answer);
    expect(state.hitCount).toBe(7);
    expect(state.currentHit).toBe(-1);
    expect(state.jump).toBeNull();
    expect(state.firstHitIn('us-2')).toBe(2);
    expect(state.firstHitIn('us-4')).toBe(-1);
  });

  it('steps through every hit across sections with F3, wrapping, replacing the history entry', async () => {
    const { state, history } = setup();
    state.showSearchHits(answer);
    await state.showHit(state.firstHitIn('us-2'));
    expect(state.currentHit).toBe(2);
    expect(state.takeJump()).toMatchObject({
      sectionId: 'us-2',
      placement: { kind: 'hit', index: 2 },
    });
    const seen: [number, string | null][] = [];
    for (let i = 0; i < 7; i++) {
      await state.stepHit(1);
      seen.push([state.currentHit, state.currentId]);
    }
    expect(seen).toEqual([
      [3, 'us-2'],
      [4, 'us-2'],
      [5, 'us-3'],
      [6, 'us-3'],
      [0, 'us-1'],
      [1, 'us-1'],
      [2, 'us-2'],
    ]);
    expect(history.record).toHaveBeenLastCalledWith({ sectionId: 'us-2' }, 'replace');
    await state.stepHit(-1);
    await state.stepHit(-1);
    await state.stepHit(-1);
    expect(state.currentHit).toBe(6);
  });

  it('steps from where the reader is once they have moved away from the current hit', async () => {
    const { state } = setup();
    state.showSearchHits(answer);
    await state.open('us-2');
    // No hit chosen yet: F3 goes to the first hit at or after the section in view.
    await state.stepHit(1);
    expect(state.currentHit).toBe(2);
    // Scrolled on to us-3: F3 goes on from there, Shift+F3 back from there.
    state.follow('us-3');
    await state.stepHit(1);
    expect(state.currentHit).toBe(5);
    state.follow('us-1');
    await state.stepHit(-1);
    expect(state.currentHit).toBe(6);
  });

  it('keeps the current hit while the same query is answered again, and clears on request', async () => {
    const { state } = setup();
    state.showSearchHits(answer);
    await state.showHit(4);
    state.showSearchHits({ ...answer, hits: [...HITS] });
    expect(state.currentHit).toBe(4);
    state.showSearchHits({ ...answer, query: '半導' });
    expect(state.currentHit).toBe(-1);
    state.showSearchHits(searchResponse([], { query: 'なし' }));
    expect(state.hits).toBeNull();
    state.showSearchHits(answer);
    state.clearHits();
    expect(state.hits).toBeNull();
    expect(await state.stepHit(1)).toBe(false);
  });
});

describe('reader state: the sections requested at boot', () => {
  it('takes over a boot request instead of asking again, and asks for the others', async () => {
    const { state, fake } = setup();
    const early = new Map([['us-2', Promise.resolve(SECTIONS['us-2']!)]]);
    state.takeEarlyRequests((id) => {
      const r = early.get(id) ?? null;
      early.delete(id);
      return r;
    });
    await state.loadAll(['us-2', 'us-3']);
    expect(state.views.get('us-2')).toBe(SECTIONS['us-2']);
    expect(fetched(fake)).toEqual(['us-3']);
    expect(await state.open('us-2')).toBe(true);
    expect(fetched(fake)).toEqual(['us-3']);
  });
});

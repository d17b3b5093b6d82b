import { describe, expect, it, vi } from 'vitest';
import type { DocumentHit, SectionView } from '../../../../electron/common/api/types';
import { deferred, fakeApi } from '../testing/fake-api';
import { searchResponse, sectionView, tocEntry } from '../testing/fixtures';
import { MAX_SECTIONS_PER_CALL } from '../../../../electron/common/rules/sections';
import { ReaderState } from './reader.svelte';

const SECTIONS: Record<string, SectionView> = {
  'us-1': sectionView({ id: 'us-1', prev: null, next: 'us-2' }),
  'us-2': sectionView({ id: 'us-2', prev: 'us-1', next: 'us-3' }),
  'us-3': sectionView({ id: 'us-3', prev: 'us-2', next: null }),
};

/**
 * A reader over three sections (or those given); `slow` sections answer when the test
 * says (a batch holding one answers with it). Unknown ids fail as the core fails them.
 */
function setup(options: { slow?: string[]; sections?: Record<string, SectionView> } = {}) {
  const sections = options.sections ?? SECTIONS;
  const pending = new Map(options.slow?.map((id) => [id, deferred<SectionView>()]));
  const missing = (ids: string[]) => ids.filter((id) => !sections[id]);
  const fake = fakeApi({
    getSection: async ({ id }) => {
      await pending.get(id)?.promise;
      if (missing([id]).length > 0) throw new Error(`no section with id "${id}"`);
      return sections[id]!;
    },
    getSections: async ({ ids }) => {
      await Promise.all(ids.map((id) => pending.get(id)?.promise));
      if (missing(ids).length > 0) throw new Error(`no sections with ids ${missing(ids).join()}`);
      return ids.map((id) => sections[id]!);
    },
  });
  const history = { record: vi.fn() };
  const state = new ReaderState({ api: fake.client, history });
  state.toc = Object.keys(sections).map((id) => tocEntry({ id }));
  return { fake, history, state, pending };
}

/** Every section id asked for, in the order asked, alone or in batches. */
const fetched = (fake: ReturnType<typeof setup>['fake']) =>
  fake.calls.flatMap((c) =>
    c.method === 'getSection'
      ? [(c.args as { id: string }).id]
      : c.method === 'getSections'
        ? (c.args as { ids: string[] }).ids
        : [],
  );

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
    // us-2 alone (asked first), then the two others together.
    expect(fake.calls).toHaveLength(2);
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

describe('reader state: asking for sections together', () => {
  /** A long outline: n sections, s0 … s(n−1). */
  const many = (n: number): Record<string, SectionView> =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`s${i}`, sectionView({ id: `s${i}` })] as const),
    );
  const batches = (fake: ReturnType<typeof setup>['fake']) =>
    fake.argsOf('getSections').map((a) => a.ids);

  it('asks for N unknown sections in ⌈N / bound⌉ calls, in order, each loaded', async () => {
    for (const n of [2, MAX_SECTIONS_PER_CALL, 2 * MAX_SECTIONS_PER_CALL + 5]) {
      const sections = many(n);
      const { state, fake } = setup({ sections });
      const ids = Object.keys(sections);
      await state.loadAll(ids);
      expect(fake.calls).toHaveLength(Math.ceil(n / MAX_SECTIONS_PER_CALL));
      expect(batches(fake).flat()).toEqual(ids);
      expect(batches(fake).every((b) => b.length <= MAX_SECTIONS_PER_CALL)).toBe(true);
      for (const id of ids) expect(state.views.get(id)).toBe(sections[id]);
      // All known now: nothing more is asked.
      await state.loadAll(ids);
      expect(fake.calls).toHaveLength(Math.ceil(n / MAX_SECTIONS_PER_CALL));
    }
  });

  it('never asks twice for a section in flight or known, and a lone one alone', async () => {
    const { state, fake, pending } = setup({ sections: many(6), slow: ['s1', 's3'] });
    await state.load('s0');
    const one = state.load('s1');
    const first = state.loadAll(['s0', 's1', 's2', 's3', 's2']);
    const second = state.loadAll(['s1', 's2', 's3', 's4']);
    expect(fake.calls.map((c) => c.method)).toEqual([
      'getSection',
      'getSection',
      'getSections',
      'getSection',
    ]);
    expect(fetched(fake)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    // Each caller of a section in flight gets the one answer.
    pending.get('s1')!.resolve(SECTIONS['us-1']!);
    pending.get('s3')!.resolve(SECTIONS['us-1']!);
    await Promise.all([first, second]);
    expect(await one).toBe(await state.load('s1'));
    expect([...state.views.keys()].sort()).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(fake.calls).toHaveLength(4);
  });

  it('asks for the landing window of a jump with the section, in one call', async () => {
    const { state, fake } = setup({ sections: many(8) });
    state.landingSet = (id) => (id === 's4' ? ['s3', 's4', 's5', 's6'] : [id]);
    expect(await state.open('s4')).toBe(true);
    expect(fake.calls.map((c) => c.method)).toEqual(['getSections']);
    expect(batches(fake)).toEqual([['s3', 's4', 's5', 's6']]);
    expect([...state.views.keys()].sort()).toEqual(['s3', 's4', 's5', 's6']);
    // A window of the section alone, or known already: nothing more is asked in a batch.
    expect(await state.open('s1')).toBe(true);
    expect(await state.open('s5')).toBe(true);
    expect(fake.calls.map((c) => c.method)).toEqual(['getSections', 'getSection']);
    expect(state.takeJump()).toMatchObject({ sectionId: 's5' });
  });

  it('takes the landing window from the view in use, until that view is gone', () => {
    const { state } = setup();
    const paged = () => ['us-1'];
    const undoScroll = state.landWith(() => ['us-2']);
    const undoPaged = state.landWith(paged);
    // The view replaced goes after its successor came: the successor's stays.
    undoScroll();
    expect(state.landingSet).toBe(paged);
    undoPaged();
    expect(state.landingSet).toBeNull();
  });

  it('opens a section whose landing window holds one the host cannot give', async () => {
    const { state, fake } = setup({ sections: many(3) });
    state.toc = [...state.toc, tocEntry({ id: 'gone' })];
    state.landingSet = () => ['s2', 'gone'];
    expect(await state.open('s2')).toBe(true);
    expect(state.error).toBeNull();
    expect(state.currentId).toBe('s2');
    // The batch failed; the section was then asked for alone.
    expect(fake.calls.map((c) => c.method)).toEqual(['getSections', 'getSection']);
    // A section that cannot be had itself still fails, and says so.
    expect(await state.open('gone')).toBe(false);
    expect(state.error).toMatch(/gone/);
  });

  it('a failed batch fails the loads of its sections as a failed single request does', async () => {
    const { state, fake } = setup({ sections: many(4) });
    // In the outline, but the host has no such section: the whole batch is refused.
    state.toc = [...state.toc, tocEntry({ id: 'gone' })];
    const all = state.loadAll(['s0', 'gone', 's1']);
    const waiting = ['s0', 'gone', 's1'].map((id) => state.load(id));
    for (const load of waiting) await expect(load).rejects.toThrow('no sections with ids gone');
    await all;
    expect(batches(fake)).toEqual([['s0', 'gone', 's1']]);
    expect(state.views.size).toBe(0);
    // Nothing stays in flight: opening asks again, and says why when it fails again.
    expect(await state.open('s0')).toBe(true);
    expect(await state.open('gone')).toBe(false);
    expect(state.error).toBe('no section with id "gone"');
    expect(fetched(fake)).toEqual(['s0', 'gone', 's1', 's0', 'gone']);
  });

  it('asks for an id the outline does not hold alone, so it fails no other section', async () => {
    const { state, fake } = setup({ sections: many(3) });
    await state.loadAll(['s0', 'nowhere', 's1', 's2']);
    expect(batches(fake)).toEqual([['s0', 's1', 's2']]);
    expect(fake.argsOf('getSection')).toEqual([{ id: 'nowhere' }]);
    expect([...state.views.keys()].sort()).toEqual(['s0', 's1', 's2']);
    expect(await state.open('nowhere')).toBe(false);
    expect(state.error).toBe('no section with id "nowhere"');
  });

  it('drops a batch answered after another document was opened', async () => {
    const { state, fake, pending } = setup({ sections: many(3), slow: ['s2'] });
    const all = state.loadAll(['s0', 's1', 's2']);
    state.reset();
    pending.get('s2')!.resolve(SECTIONS['us-1']!);
    await all;
    expect(batches(fake)).toEqual([['s0', 's1', 's2']]);
    expect(state.views.size).toBe(0);
  });
});

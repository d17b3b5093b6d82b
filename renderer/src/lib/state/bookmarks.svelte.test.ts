import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../../../../electron/common/api/types';
import { fakeApi } from '../testing/fake-api';
import { BookmarksState } from './bookmarks.svelte';

const bookmark = (sectionId: string, createdAt: string): Bookmark => ({
  id: `b-${sectionId}`,
  sectionId,
  paragraphId: null,
  offset: null,
  label: '',
  excerpt: '',
  createdAt,
  updatedAt: createdAt,
  path: ['第1節 米国', sectionId],
  exists: true,
});

/** A core that keeps bookmarks in memory and lists them in either order. */
function setup() {
  let stored: Bookmark[] = [];
  const removed = new Map<string, Bookmark>();
  let clock = 0;
  const fake = fakeApi({
    listBookmarks: ({ order }) =>
      order === 'date'
        ? stored.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))
        : stored.toSorted((a, b) => a.sectionId.localeCompare(b.sectionId)),
    toggleBookmark: ({ sectionId }) => {
      const had = stored.find((b) => b.sectionId === sectionId);
      const added = bookmark(sectionId, `2026-01-0${++clock}T00:00:00Z`);
      stored = had ? stored.filter((b) => b !== had) : [...stored, added];
      return { bookmarked: !had, bookmark: had ?? added };
    },
    renameBookmark: ({ id, label }) => {
      stored = stored.map((b) => (b.id === id ? { ...b, label } : b));
      return stored.find((b) => b.id === id)!;
    },
    deleteBookmark: ({ id }) => {
      const gone = stored.find((b) => b.id === id)!;
      removed.set(id, gone);
      stored = stored.filter((b) => b.id !== id);
      return gone;
    },
    restoreBookmark: ({ id }) => {
      stored = [...stored, removed.get(id)!];
      return removed.get(id)!;
    },
  });
  return { fake, state: new BookmarksState(fake.client) };
}

describe('bookmarks state', () => {
  it('toggles a section and knows which sections are marked', async () => {
    const { state } = setup();
    expect(await state.toggle('us-2')).toBe(true);
    expect(await state.toggle('us-1')).toBe(true);
    expect([...state.marked].sort()).toEqual(['us-1', 'us-2']);
    expect(await state.toggle('us-2')).toBe(false);
    expect(state.marked.has('us-2')).toBe(false);
  });

  it('lists in document order or by date, as asked', async () => {
    const { state, fake } = setup();
    await state.toggle('us-1');
    await state.toggle('us-3');
    await state.toggle('us-2');
    expect(state.list.map((b) => b.sectionId)).toEqual(['us-1', 'us-2', 'us-3']);
    await state.setOrder('date');
    expect(state.list.map((b) => b.sectionId)).toEqual(['us-2', 'us-3', 'us-1']);
    expect(fake.argsOf('listBookmarks').at(-1)).toEqual({ order: 'date' });
  });

  it('renames, deletes and restores (undo), showing what is stored after each', async () => {
    const { state } = setup();
    await state.toggle('us-1');
    await state.rename('b-us-1', '要再読');
    expect(state.list[0]?.label).toBe('要再読');
    await state.remove('b-us-1');
    expect(state.list).toEqual([]);
    await state.restore('b-us-1');
    expect(state.list.map((b) => b.label)).toEqual(['要再読']);
  });

  it('reports a failed load and keeps what it had', async () => {
    const fake = fakeApi({
      listBookmarks: () => {
        throw new Error('unavailable');
      },
    });
    const state = new BookmarksState(fake.client);
    await state.load();
    expect(state.error).toBe('unavailable');
    expect(state.list).toEqual([]);
  });
});

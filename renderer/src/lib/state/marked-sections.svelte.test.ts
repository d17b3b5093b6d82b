import { describe, expect, it } from 'vitest';
import type { MarkedSection } from '../../../../electron/common/api/types';
import { deferred, fakeApi, settle } from '../testing/fake-api';
import { MarkedSectionsState } from './marked-sections.svelte';

describe('the sections the outline marks', () => {
  it('takes what the core counts, drops what it no longer lists, keeps marks on a failed read', async () => {
    let answer: MarkedSection[] | Error = [
      { sectionId: 'us-1', bookmarks: 1, notes: 0 },
      { sectionId: 'us-3', bookmarks: 0, notes: 2 },
    ];
    const fake = fakeApi({
      listMarkedSections: () => {
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    const state = new MarkedSectionsState(fake.client);
    await state.load();
    expect(state.bySection.get('us-3')?.notes).toBe(2);
    answer = [{ sectionId: 'us-3', bookmarks: 1, notes: 2 }];
    await state.load();
    expect([...state.bySection.keys()]).toEqual(['us-3']);
    answer = new Error('database is locked');
    await state.load();
    expect(state.bySection.get('us-3')?.bookmarks).toBe(1);
  });

  it('shows the latest answer when two reads cross', async () => {
    const replies = [deferred<MarkedSection[]>(), deferred<MarkedSection[]>()];
    let n = 0;
    const fake = fakeApi({ listMarkedSections: () => replies[n++]!.promise });
    const state = new MarkedSectionsState(fake.client);
    const first = state.load();
    const second = state.load();
    replies[1]!.resolve([{ sectionId: 'canada', bookmarks: 1, notes: 0 }]);
    await second;
    replies[0]!.resolve([{ sectionId: 'us', bookmarks: 1, notes: 0 }]);
    await first;
    await settle();
    expect([...state.bySection.keys()]).toEqual(['canada']);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_SECTIONS_PER_CALL, sectionBatches } from '../../../electron/common/rules/sections';
import { requestSections } from './section-requests';
import { fakeApi } from './testing/fake-api';
import { sectionView } from './testing/fixtures';

describe('requestSections', () => {
  it('splits by the bound, asks for a lone id alone and an id given twice once', async () => {
    const fake = fakeApi({
      getSection: ({ id }) => sectionView({ id }),
      getSections: ({ ids }) => ids.map((id) => sectionView({ id })),
    });
    const ids = Array.from({ length: MAX_SECTIONS_PER_CALL + 1 }, (_, i) => `s${i}`);
    const requests = requestSections(fake.client, [...ids, 's0']);
    expect([...requests.keys()]).toEqual(ids);
    expect(fake.calls.map((c) => c.method)).toEqual(['getSections', 'getSection']);
    expect(fake.argsOf('getSections')[0]!.ids).toEqual(ids.slice(0, MAX_SECTIONS_PER_CALL));
    for (const [id, request] of requests) expect((await request).id).toBe(id);
    expect(requestSections(fake.client, []).size).toBe(0);
    expect(fake.calls).toHaveLength(2);
  });

  it('refuses an answer that is not the section asked for (a host out of order)', async () => {
    const fake = fakeApi({
      getSections: ({ ids }) => [...ids].reverse().map((id) => sectionView({ id })),
    });
    const requests = requestSections(fake.client, ['a', 'b', 'c']);
    await expect(requests.get('a')).rejects.toThrow('getSections: no answer for section "a"');
    await expect(requests.get('c')).rejects.toThrow('getSections: no answer for section "c"');
    expect((await requests.get('b'))!.id).toBe('b');
  });

  it('cuts a list in runs of at most the bound, in order', () => {
    const ids = Array.from({ length: 2 * MAX_SECTIONS_PER_CALL + 1 }, (_, i) => i);
    expect(sectionBatches(ids).map((b) => b.length)).toEqual([
      MAX_SECTIONS_PER_CALL,
      MAX_SECTIONS_PER_CALL,
      1,
    ]);
    expect(sectionBatches(ids).flat()).toEqual(ids);
    expect(sectionBatches([])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { CurrentFlags, NO_CURRENT } from './current-flags.svelte';

describe('the current entry of a long list', () => {
  it('has one current entry at most, and none for an id not in the list', () => {
    const flags = new CurrentFlags(['a', 'b', 'c']);
    expect(['a', 'b', 'c'].filter((id) => flags.is(id))).toEqual([]);
    flags.set('b');
    expect(['a', 'b', 'c'].filter((id) => flags.is(id))).toEqual(['b']);
    flags.set('c');
    expect(['a', 'b', 'c'].filter((id) => flags.is(id))).toEqual(['c']);
    flags.set('zz');
    expect(['a', 'b', 'c', 'zz'].filter((id) => flags.is(id))).toEqual([]);
    flags.set(null);
    expect(NO_CURRENT.is('a')).toBe(false);
  });
});

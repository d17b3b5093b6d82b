import { describe, expect, it } from 'vitest';
import { TypeAreaWatch, typeAreaKey } from './type-area';

const base = { writingMode: 'horizontal', fontSize: 18, fontFamily: 'serif', autospace: true };

describe('typeAreaKey', () => {
  it('changes with each setting that re-flows the lines', () => {
    const key = typeAreaKey(base);
    expect(typeAreaKey({ ...base })).toBe(key);
    expect(typeAreaKey({ ...base, writingMode: 'vertical' })).not.toBe(key);
    expect(typeAreaKey({ ...base, fontSize: 20 })).not.toBe(key);
    expect(typeAreaKey({ ...base, fontFamily: 'sans' })).not.toBe(key);
    expect(typeAreaKey({ ...base, autospace: false })).not.toBe(key);
  });
});

describe('TypeAreaWatch', () => {
  it('reports a change, not the first key nor the same key again', () => {
    const watch = new TypeAreaWatch();
    expect(watch.changed('a')).toBe(false);
    expect(watch.changed('a')).toBe(false);
    expect(watch.changed('b')).toBe(true);
    expect(watch.changed('b')).toBe(false);
  });
});

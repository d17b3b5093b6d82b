import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../../../electron/common/api/types';
import { fakeApi } from '../testing/fake-api';
import { GlossaryState } from './glossary.svelte';

const ipef: GlossaryEntry = {
  abbreviation: 'IPEF',
  longForm: 'インド太平洋経済枠組み',
  origin: 'text',
  via: 'rule',
  definedAt: {
    sectionId: 'us-1',
    paragraphId: 'us-1.p2',
    longFormStart: 95,
    longFormEnd: 106,
    abbreviationStart: 107,
    abbreviationEnd: 111,
  },
  variants: [],
};
const wto: GlossaryEntry = {
  abbreviation: 'WTO',
  longForm: '世界貿易機関',
  longFormEn: 'World Trade Organization',
  origin: 'editorial',
  via: 'curation',
  definedAt: null,
  variants: [],
};

describe('glossary state', () => {
  it('reads the glossary once from the core and finds entries by term', async () => {
    const fake = fakeApi({ getGlossary: () => [ipef, wto] });
    const state = new GlossaryState(fake.client);
    expect(state.loaded).toBe(false);
    await state.load();
    expect(fake.argsOf('getGlossary')).toEqual([{}]);
    expect(state.loaded).toBe(true);
    expect(state.terms).toEqual(['IPEF', 'WTO']);
    expect(state.entry('WTO')).toBe(wto);
    expect(state.entry('IRA')).toBeUndefined();
  });

  it('keeps the error and marks nothing when the core cannot give it', async () => {
    const fake = fakeApi({
      getGlossary: () => {
        throw new Error('the glossary in content.sqlite is damaged');
      },
    });
    const state = new GlossaryState(fake.client);
    await state.load();
    expect(state.loaded).toBe(true);
    expect(state.error).toContain('damaged');
    expect(state.terms).toEqual([]);
  });
});

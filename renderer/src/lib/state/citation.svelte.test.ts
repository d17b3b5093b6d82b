import { describe, expect, it } from 'vitest';
import type { CitationSource } from '../../../../electron/common/api/types';
import { fakeApi } from '../testing/fake-api';
import { CitationState } from './citation.svelte';

const doc = { publisher: '経済産業省', edition: '通商白書2023', title: '米国・カナダ' };
const stored: CitationSource = {
  publisher: '経済産業省',
  edition: '通商白書2023',
  within: [{ label: '第Ⅲ部' }],
  sections: [{ section: 'us', label: '第1節', title: '米国' }],
};

describe('citation state', () => {
  it('cites from the stored data once read', async () => {
    const fake = fakeApi({ getCitationSource: () => stored });
    const state = new CitationState(fake.client);
    // Before it has come: the publisher and the book alone.
    expect(state.sourceFor(doc)).toEqual({
      publisher: '経済産業省',
      edition: '通商白書2023',
      within: [],
      sections: [],
    });
    await state.load();
    expect(fake.argsOf('getCitationSource')).toEqual([{}]);
    expect(state.sourceFor(doc)).toBe(stored);
  });

  it('cites the publisher and book alone when the core cannot give the data', async () => {
    const fake = fakeApi({
      getCitationSource: () => {
        throw new Error('unavailable');
      },
    });
    const state = new CitationState(fake.client);
    await state.load();
    expect(state.sourceFor({ ...doc, edition: '' })).toEqual({
      publisher: '経済産業省',
      edition: '米国・カナダ',
      within: [],
      sections: [],
    });
  });
});

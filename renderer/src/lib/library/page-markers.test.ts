import { describe, expect, it } from 'vitest';
import { sectionView } from '../testing/fixtures';
import { pagesByParagraph, passagePages, selectionPages } from './page-markers';

const a = sectionView({
  id: 'a',
  paragraphs: [
    { id: 'a1', text: '一頁目の文。' },
    { id: 'a2', text: '二頁目はここから始まる。' },
  ],
  pageMarkers: [
    { paragraphId: 'a1', offset: 0, label: '11' },
    { paragraphId: 'a2', offset: 4, label: '12' },
  ],
});
const b = sectionView({
  id: 'b',
  paragraphs: [
    { id: 'b1', text: '続き。' },
    { id: 'b2', text: '三頁目。' },
  ],
  pageMarkers: [{ paragraphId: 'b2', offset: 0, label: '13' }],
});
const toc = [{ id: 'a' }, { id: 'b' }];
const views = new Map([
  ['a', a],
  ['b', b],
]);

describe('page markers', () => {
  it('groups the page starts by paragraph', () => {
    expect(pagesByParagraph(a)).toEqual({
      a1: [{ offset: 0, label: '11' }],
      a2: [{ offset: 4, label: '12' }],
    });
    expect(pagesByParagraph(sectionView())).toEqual({});
    // Each paragraph's page is given; a marker is drawn where the page changes.
    const repeated = sectionView({
      pageMarkers: [
        { paragraphId: 'us-1-p2', offset: 0, label: '3' },
        { paragraphId: 'us-1-p1', offset: 0, label: '3' },
        { paragraphId: 'us-1-p2', offset: 5, label: '4' },
        { paragraphId: 'us-1-p3', offset: 0, label: '4' },
        { paragraphId: 'gone', offset: 0, label: '9' },
      ],
    });
    expect(pagesByParagraph(repeated)).toEqual({
      'us-1-p1': [{ offset: 0, label: '3' }],
      'us-1-p2': [{ offset: 5, label: '4' }],
    });
  });

  it('gives the page a passage begins on and the page it ends on', () => {
    const sel = (sp: string, so: number, ep: string, eo: number) =>
      selectionPages(toc, views, {
        startParagraphId: sp,
        startOffset: so,
        endParagraphId: ep,
        endOffset: eo,
      });
    expect(sel('a1', 1, 'a1', 4)).toEqual({ first: '11', last: '11' });
    // A page that begins exactly where the passage starts is its page ...
    expect(sel('a2', 4, 'a2', 8)).toEqual({ first: '12', last: '12' });
    // ... and one that begins where it ends is not.
    expect(sel('a1', 0, 'a2', 4)).toEqual({ first: '11', last: '11' });
    expect(sel('a2', 0, 'a2', 9)).toEqual({ first: '11', last: '12' });
    // Back through the previous section when this one has not begun a page yet.
    expect(sel('b1', 0, 'b2', 2)).toEqual({ first: '12', last: '13' });
  });

  it('gives no page when the text before is not fetched, or marks none', () => {
    const lookup = (id: string) => (id === 'b' ? b : undefined);
    const point = { sectionId: 'b', paragraphId: 'b1', offset: 1 };
    expect(passagePages(['a', 'b'], lookup, point, point)).toBeNull();
    const plain = sectionView({ id: 'p' });
    expect(
      passagePages(
        ['p'],
        () => plain,
        { sectionId: 'p', paragraphId: 'us-1-p1', offset: 0 },
        {
          sectionId: 'p',
          paragraphId: 'us-1-p1',
          offset: 3,
        },
      ),
    ).toBeNull();
  });
});

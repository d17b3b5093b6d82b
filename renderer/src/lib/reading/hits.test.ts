import { describe, expect, it } from 'vitest';
import { sectionView } from '../testing/fixtures';
import { marksByParagraph, orderedHits, TITLE_KEY } from './hits';

describe('hits in the open section', () => {
  const section = sectionView();

  it('orders hits as they are read: heading, then paragraphs, then offsets', () => {
    const ordered = orderedHits(section, [
      { paragraphId: 'us-1-p2', start: 8, end: 10 },
      { paragraphId: 'us-1-p1', start: 4, end: 6 },
      { paragraphId: null, start: 2, end: 4 },
      { paragraphId: 'us-1-p2', start: 0, end: 3 },
    ]);
    expect(ordered.map((r) => [r.paragraphId, r.start])).toEqual([
      [null, 2],
      ['us-1-p1', 4],
      ['us-1-p2', 0],
      ['us-1-p2', 8],
    ]);
  });

  it('drops hits in paragraphs the section does not have', () => {
    expect(orderedHits(section, [{ paragraphId: 'ca-1-p1', start: 0, end: 2 }])).toEqual([]);
  });

  it('groups marks per paragraph with their index in reading order', () => {
    const ordered = orderedHits(section, [
      { paragraphId: 'us-1-p2', start: 0, end: 3 },
      { paragraphId: null, start: 2, end: 4 },
      { paragraphId: 'us-1-p2', start: 8, end: 10 },
    ]);
    expect(marksByParagraph(ordered)).toEqual({
      [TITLE_KEY]: [{ start: 2, end: 4, index: 0 }],
      'us-1-p2': [
        { start: 0, end: 3, index: 1 },
        { start: 8, end: 10, index: 2 },
      ],
    });
  });
});

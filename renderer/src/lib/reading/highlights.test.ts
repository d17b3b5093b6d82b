import { describe, expect, it } from 'vitest';
import { highlight, sectionView } from '../testing/fixtures';
import { highlightsByParagraph } from './highlights';

describe('highlights drawn in a section', () => {
  const section = sectionView();

  it('draws a highlight within one paragraph at its offsets', () => {
    expect(highlightsByParagraph(section, [highlight()])).toEqual({
      'us-1-p1': [{ start: 2, end: 7, id: 'a-1', color: 'green' }],
    });
  });

  it('splits a highlight over several paragraphs: start offset, whole middle, end offset', () => {
    const long = highlight({
      id: 'a-2',
      color: 'pink',
      target: {
        ...highlight().target!,
        paragraphIds: ['us-1-p1', 'us-1-p2', 'us-1-p3'],
        startParagraphId: 'us-1-p1',
        startOffset: 5,
        endParagraphId: 'us-1-p3',
        endOffset: 4,
      },
    });
    expect(highlightsByParagraph(section, [long])).toEqual({
      'us-1-p1': [{ start: 5, end: 13, id: 'a-2', color: 'pink' }],
      'us-1-p2': [{ start: 0, end: 21, id: 'a-2', color: 'pink' }],
      'us-1-p3': [{ start: 0, end: 4, id: 'a-2', color: 'pink' }],
    });
  });

  it('draws nothing for orphaned highlights, section notes or unknown paragraphs', () => {
    const orphan = highlight({ id: 'a-3', anchor: 'orphan' });
    const sectionNote = highlight({ id: 'a-4', kind: 'section-note', target: null });
    const elsewhere = highlight({
      id: 'a-5',
      target: { ...highlight().target!, paragraphIds: ['ca-1-p1'], startParagraphId: 'ca-1-p1' },
    });
    expect(highlightsByParagraph(section, [orphan, sectionNote, elsewhere])).toEqual({});
  });
});

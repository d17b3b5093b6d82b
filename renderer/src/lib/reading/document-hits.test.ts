import { describe, expect, it } from 'vitest';
import type { DocumentHit } from '../../../../electron/common/api/types';
import { hitFromSection, indexHits, NO_MARKS, sectionMarks, stepIndex } from './document-hits';
import { TITLE_KEY } from './hits';

// The seven hits of 半導体 in four sections, in reading order.
const LIST: DocumentHit[] = [
  { sectionId: 'us-1-2022-05', paragraphId: null, start: 18, end: 21 },
  { sectionId: 'us-1-2022-05', paragraphId: 'p5', start: 3, end: 6 },
  { sectionId: 'us-1-2022-07', paragraphId: 'p7', start: 10, end: 13 },
  { sectionId: 'us-3', paragraphId: 'p31', start: 1, end: 4 },
  { sectionId: 'us-3', paragraphId: 'p31', start: 40, end: 43 },
  { sectionId: 'us-4', paragraphId: 'p41', start: 0, end: 3 },
  { sectionId: 'us-4', paragraphId: 'p42', start: 7, end: 10 },
];
const ORDER = ['us', 'us-1', 'us-1-2022-05', 'us-1-2022-07', 'us-2', 'us-3', 'us-4', 'canada'];
const rank = (id: string) => ORDER.indexOf(id);

describe('the hits of the whole document', () => {
  const hits = indexHits('半導体', LIST);

  it('numbers the hits once for the document and finds each section’s', () => {
    expect(hits.bySection.get('us-3')).toEqual({ first: 3, count: 2 });
    expect(hits.total).toBe(7);
    expect(indexHits('x', LIST.slice(0, 2), 25_000, true)).toMatchObject({
      total: 25_000,
      truncated: true,
    });
  });

  it('gives a section its marks by paragraph, with their numbers in the document', () => {
    expect(sectionMarks(hits, 'us-1-2022-05')).toEqual({
      [TITLE_KEY]: [{ start: 18, end: 21, index: 0 }],
      p5: [{ start: 3, end: 6, index: 1 }],
    });
    expect(sectionMarks(hits, 'us-3').p31!.map((m) => m.index)).toEqual([3, 4]);
    expect(sectionMarks(hits, 'canada')).toEqual({});
    expect(sectionMarks(null, 'us-3')).toEqual({});
  });

  it('keeps the marks that did not change from the answer before, as the same objects', () => {
    // Every section drawn once.
    for (const id of hits.bySection.keys()) sectionMarks(hits, id);
    // Another order, the same query again: every section keeps its marks as they were.
    const again = indexHits('半導体', [...LIST], 7, false, hits);
    for (const id of hits.bySection.keys()) {
      expect(sectionMarks(again, id)).toBe(sectionMarks(hits, id));
    }
    // A hit more in us-3's second paragraph, at its end: only us-3 changes, and in it
    // only that paragraph; the sections before it keep theirs.
    const more = [...LIST.slice(0, 5), { ...LIST[4]!, paragraphId: 'p32' }, ...LIST.slice(5)];
    const typed = indexHits('半導体', more, 8, false, hits);
    const changed = [...typed.bySection.keys()].filter(
      (id) => sectionMarks(typed, id) !== sectionMarks(hits, id),
    );
    // us-4's hits are numbered one on (6, 7): their marks are new.
    expect(changed).toEqual(['us-3', 'us-4']);
    expect(sectionMarks(typed, 'us-3').p31).toBe(sectionMarks(hits, 'us-3').p31);
    expect(sectionMarks(typed, 'us-3').p32).toEqual([{ start: 40, end: 43, index: 5 }]);
    expect(sectionMarks(typed, 'us-4').p41).toEqual([{ start: 0, end: 3, index: 6 }]);
  });

  it('gives every section and paragraph without a hit the same empty marks', () => {
    expect(sectionMarks(hits, 'canada')).toBe(sectionMarks(null, 'us-2'));
    expect(sectionMarks(hits, 'canada')).toBe(sectionMarks(indexHits('x', []), 'us-3'));
    expect(Object.isFrozen(NO_MARKS) && NO_MARKS.length === 0).toBe(true);
  });

  it('works out a section’s marks when it is drawn, once per answer', () => {
    const fresh = indexHits('半導体', LIST, 7, false, hits);
    expect(fresh.marks.size).toBe(0);
    const us3 = sectionMarks(fresh, 'us-3');
    expect(sectionMarks(fresh, 'us-3')).toBe(us3);
    sectionMarks(fresh, 'canada');
    expect([...fresh.marks.keys()]).toEqual(['us-3']);
    // The hits after these keep only these marks, not those before them.
    expect(indexHits('半導体', LIST, 7, false, fresh).before).toBe(fresh.marks);
  });

  it('steps forward and back, wrapping', () => {
    expect(stepIndex(6, 1, 7)).toBe(0);
    expect(stepIndex(0, -1, 7)).toBe(6);
    expect(stepIndex(-1, 1, 7)).toBe(0);
    expect(stepIndex(-1, -1, 7)).toBe(6);
    expect(stepIndex(3, 1, 0)).toBe(-1);
  });

  it('goes on from the section in view once the reader has moved', () => {
    expect(hitFromSection(hits, rank, rank('us-2'), 1)).toBe(3);
    expect(hitFromSection(hits, rank, rank('us-3'), 1)).toBe(3);
    expect(hitFromSection(hits, rank, rank('us-2'), -1)).toBe(2);
    expect(hitFromSection(hits, rank, rank('canada'), 1)).toBe(0);
    expect(hitFromSection(hits, rank, rank('us'), -1)).toBe(6);
  });
});

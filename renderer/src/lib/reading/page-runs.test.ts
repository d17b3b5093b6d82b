import { describe, expect, it } from 'vitest';
import { pageRuns, runOf } from './page-runs';

// The bundled chapter: two top-level sections.
const CHAPTER = [
  ['us', 1],
  ['us-1', 2],
  ['us-1-2022-05', 3],
  ['us-1-2022-07', 3],
  ['us-2', 2],
  ['us-2-232', 3],
  ['us-3', 2],
  ['us-4', 2],
  ['canada', 1],
].map(([id, level]) => ({ id: id as string, level: level as number }));

describe('page runs', () => {
  it('starts a run at each top-level section', () => {
    expect(pageRuns(CHAPTER)).toEqual([CHAPTER.slice(0, 8).map((e) => e.id), ['canada']]);
  });

  it('cuts a long run where a part begins, else where it is full', () => {
    const runs = pageRuns(CHAPTER, 4);
    expect(runs).toEqual([
      ['us', 'us-1', 'us-1-2022-05', 'us-1-2022-07'],
      ['us-2', 'us-2-232'],
      ['us-3', 'us-4'],
      ['canada'],
    ]);
    const flat = Array.from({ length: 10 }, (_, i) => ({ id: `d-${i}`, level: 3 }));
    expect(pageRuns(flat, 4).map((r) => r.length)).toEqual([4, 4, 2]);
    // Every section once, in order.
    expect(pageRuns(flat, 4).flat()).toEqual(flat.map((e) => e.id));
  });

  it('says which run a section is in', () => {
    const of = runOf(pageRuns(CHAPTER));
    expect(of.get('us-3')).toBe(0);
    expect(of.get('canada')).toBe(1);
  });
});

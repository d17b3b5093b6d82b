import { describe, expect, it } from 'vitest';
import { snippetRuns } from './snippet-runs';

const joined = (runs: { text: string }[]) => runs.map((r) => r.text).join('');

describe('a snippet as runs in and out of its hits', () => {
  it('marks each hit once, the rest as it is', () => {
    expect(
      snippetRuns('…米国の半導体産業と半導体', [
        [4, 7],
        [10, 13],
      ]),
    ).toEqual([
      { text: '…米国の', hit: false },
      { text: '半導体', hit: true },
      { text: '産業と', hit: false },
      { text: '半導体', hit: true },
    ]);
    expect(snippetRuns('半導体', [[0, 3]])).toEqual([{ text: '半導体', hit: true }]);
    expect(snippetRuns('カナダ', [])).toEqual([{ text: 'カナダ', hit: false }]);
    expect(snippetRuns('', [])).toEqual([{ text: '', hit: false }]);
  });

  it('gives back the snippet whatever the ranges (overlapping, empty, out of bounds)', () => {
    const text = 'IPEFの交渉が進む';
    for (const ranges of [
      [
        [0, 4],
        [2, 6],
      ],
      [
        [3, 3],
        [8, 99],
      ],
      [
        [-5, 2],
        [1, 4],
      ],
      [[6, 4]],
    ] as [number, number][][]) {
      const runs = snippetRuns(text, ranges);
      expect(joined(runs)).toBe(text);
      expect(runs.every((r) => r.text.length > 0)).toBe(true);
    }
    expect(
      snippetRuns(text, [
        [0, 4],
        [2, 6],
      ])
        .filter((r) => r.hit)
        .map((r) => r.text),
    ).toEqual(['IPEF', 'の交']);
  });
});

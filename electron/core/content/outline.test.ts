// The outline's answers on a small tree, including the cases a damaged or older
// content database can produce: unknown sections and a parent cycle.
import { describe, expect, it } from 'vitest';
import type { TocEntry } from '../../common/api/types';
import { Outline } from './outline';

const entry = (id: string, title: string, parent: string | null): TocEntry => ({
  id,
  level: parent ? 2 : 1,
  title,
  editorial: false,
  parent,
  kind: parent ? 'part' : 'chapter',
});

describe('Outline', () => {
  const outline = new Outline([
    entry('us', '第１節　米国', null),
    entry('us-1', '1．概況', 'us'),
    entry('canada', '第２節　カナダ', null),
  ]);

  it('knows the sections, their order and their title paths', () => {
    expect(outline.has('us-1')).toBe(true);
    expect(outline.has('gone')).toBe(false);
    expect(
      ['canada', 'gone', 'us', 'us-1'].sort((a, b) => outline.rank(a) - outline.rank(b)),
    ).toEqual(['us', 'us-1', 'canada', 'gone']);
    expect(outline.path('us-1')).toEqual(['第１節　米国', '1．概況']);
    expect(outline.path('gone')).toEqual([]);
    expect(outline.entry('canada')?.title).toBe('第２節　カナダ');
  });

  it('hands out copies of paths, and stops at a parent cycle', () => {
    outline.path('us-1').push('changed');
    expect(outline.path('us-1')).toEqual(['第１節　米国', '1．概況']);
    const cyclic = new Outline([entry('a', 'A', 'b'), entry('b', 'B', 'a')]);
    expect(cyclic.path('a')).toEqual(['B', 'A']);
  });
});

import { describe, expect, it } from 'vitest';
import { ancestorIds, buildOutline, displayTitle } from './outline';
import type { TocEntry } from '../../../electron/common/api/types';

const entry = (id: string, parent: string | null, level: number): TocEntry => ({
  id,
  parent,
  level,
  title: id,
  editorial: false,
  kind: level === 1 ? 'chapter' : level === 2 ? 'part' : 'topic',
});

const toc = [
  entry('s1', null, 1),
  entry('p1', 's1', 2),
  entry('t1', 'p1', 3),
  entry('p2', 's1', 2),
];

describe('outline', () => {
  it('builds the tree in reading order', () => {
    const [root] = buildOutline(toc);
    expect(root!.entry.id).toBe('s1');
    expect(root!.children.map((c) => c.entry.id)).toEqual(['p1', 'p2']);
    expect(root!.children[0]!.children.map((c) => c.entry.id)).toEqual(['t1']);
  });

  it('keeps an orphan at the top instead of losing it', () => {
    expect(buildOutline([...toc, entry('x', 'missing', 3)]).map((n) => n.entry.id)).toEqual([
      's1',
      'x',
    ]);
  });

  it('lists ancestors from the root, and survives a cycle', () => {
    expect(ancestorIds(toc, 't1')).toEqual(['s1', 'p1']);
    expect(ancestorIds([entry('a', 'b', 2), entry('b', 'a', 2)], 'a')).toEqual(['b']);
  });

  it('shows editorial headings in ［］ exactly once', () => {
    expect(displayTitle('概況', true)).toBe('［概況］');
    expect(displayTitle('［概況］', true)).toBe('［概況］');
    expect(displayTitle('2．日米通商分野', false)).toBe('2．日米通商分野');
  });
});

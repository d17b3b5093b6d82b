import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  buildOutline,
  displayTitle,
  LONG_OUTLINE,
  NEAR_PARTS,
  partsToBuild,
} from './outline';
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

describe('a long outline built in two steps', () => {
  // 200 parts of 6 entries each, as the synthetic document 100 times the chapter.
  const long: TocEntry[] = [];
  for (let p = 0; p < 200; p++) {
    long.push({ id: `p${p}`, parent: null } as TocEntry);
    for (let c = 0; c < 5; c++) long.push({ id: `p${p}-${c}`, parent: `p${p}` } as TocEntry);
  }
  const roots = buildOutline(long);
  const entries = (parts: readonly ReturnType<typeof buildOutline>[number][]) =>
    parts.reduce((n, p) => n + 1 + p.children.length, 0);

  it('builds the parts near the one being read first, then every part', () => {
    expect(long.length).toBeGreaterThan(LONG_OUTLINE);
    const first = partsToBuild(roots, long, 'p100-3', false);
    expect(first.map((n) => n.entry.id)).toEqual(
      Array.from({ length: 2 * NEAR_PARTS + 1 }, (_, i) => `p${100 - NEAR_PARTS + i}`),
    );
    // 13 parts of 1,200 entries: 78 entries built at start.
    expect(entries(first)).toBe(78);
    expect(partsToBuild(roots, long, 'p100-3', true)).toBe(roots);
  });

  it('starts from the first parts at either end or without a current section', () => {
    expect(partsToBuild(roots, long, null, false).map((n) => n.entry.id)[0]).toBe('p0');
    expect(partsToBuild(roots, long, 'p0', false)).toHaveLength(NEAR_PARTS + 1);
    expect(partsToBuild(roots, long, 'p199-4', false).at(-1)?.entry.id).toBe('p199');
    expect(partsToBuild(roots, long, 'gone', false).map((n) => n.entry.id)[0]).toBe('p0');
  });

  it('builds a short outline whole at once', () => {
    const short = long.slice(0, 12);
    const r = buildOutline(short);
    expect(partsToBuild(r, short, 'p1-2', false)).toBe(r);
  });
});

import { describe, expect, it } from 'vitest';
import { sectionView, tocEntry } from '../testing/fixtures';
import { breadcrumb, sectionPath } from './breadcrumb';

const toc = [
  tocEntry({ id: 'us', level: 1, kind: 'chapter', title: '第1節 米国' }),
  tocEntry({ id: 'us-1', parent: 'us', title: '1．米国経済の動向' }),
  tocEntry({
    id: 'us-1-a',
    parent: 'us-1',
    level: 3,
    kind: 'topic',
    title: '概況',
    editorial: true,
  }),
];
const byId = new Map(toc.map((e) => [e.id, e]));

describe('breadcrumb', () => {
  it('links each step of the path to the section it names', () => {
    expect(breadcrumb(toc, byId, sectionView())).toEqual([
      { id: 'us', title: '第1節 米国' },
      { id: 'us-1', title: '1．米国経済の動向' },
    ]);
  });

  it('shows editorial headings in ［］', () => {
    const section = sectionView({
      id: 'us-1-a',
      path: ['第1節 米国', '1．米国経済の動向', '概況'],
    });
    expect(breadcrumb(toc, byId, section).at(-1)).toEqual({ id: 'us-1-a', title: '［概況］' });
  });

  it('aligns a path longer than the outline from the end, unlinked at the top', () => {
    const section = sectionView({ path: ['通商白書2023', '第1節 米国', '1．米国経済の動向'] });
    expect(breadcrumb(toc, byId, section).map((c) => c.id)).toEqual([null, 'us', 'us-1']);
  });

  it('falls back to the section title when the store gave no path', () => {
    const section = sectionView({ path: [] });
    expect(sectionPath(section)).toEqual(['1．米国経済の動向']);
    expect(breadcrumb(toc, byId, section)).toEqual([{ id: 'us-1', title: '1．米国経済の動向' }]);
  });
});

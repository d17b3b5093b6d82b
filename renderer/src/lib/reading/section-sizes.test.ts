import { describe, expect, it } from 'vitest';
import { SectionSizes } from './section-sizes';
import { sectionView } from '../testing/fixtures';
import type { TextMetrics } from './estimate';

const m: TextMetrics = { lineLength: 720, fontSize: 18, linePitch: 34.2 };
const entries = [
  { id: 'a', kind: 'part' as const, title: '1．概況' },
  { id: 'b', kind: 'part' as const, title: '2．通商' },
  { id: 'c', kind: 'dated' as const, title: '2022年5月' },
];

describe('SectionSizes', () => {
  it('estimates sections not drawn from the measured ones of their kind', () => {
    const s = new SectionSizes();
    s.reset(3);
    s.estimate(entries, new Map(), m);
    const guess = s.sizes[1]!;
    expect(guess).toBeGreaterThan(0);
    const before = s.sizes[0]!;
    expect(s.record(0, 900)).toBe(900 - before);
    s.estimate(entries, new Map(), m);
    // Section b is a part, like the measured a: it takes a's size.
    expect(s.sizes[0]).toBe(900);
    expect(s.sizes[1]).toBe(900);
    // No dated section measured yet: the mean of all the measured ones.
    expect(s.sizes[2]).toBe(900);
  });

  it('prefers the text once fetched, and reports growth only beyond half a pixel', () => {
    const s = new SectionSizes();
    s.reset(3);
    const view = sectionView({ id: 'b', paragraphs: [{ id: 'p', text: 'あ'.repeat(400) }] });
    s.estimate(entries, new Map([['b', view]]), m);
    expect(s.sizes[1]).toBeGreaterThan(10 * 34);
    const old = s.sizes[2]!;
    expect(s.record(2, 100)).toBe(100 - old);
    expect(s.record(2, 100.3)).toBe(0);
    expect(s.record(2, 90)).toBe(-10);
  });

  it('estimates again after the type area changed, measures forgotten', () => {
    const s = new SectionSizes();
    s.reset(3);
    s.record(0, 900);
    s.forgetMeasures();
    s.estimate(entries, new Map(), m);
    expect(s.sizes[0]).not.toBe(900);
  });
});

import { describe, expect, it } from 'vitest';
import { highlight } from '../testing/fixtures';
import { sortNotes } from './order';

const a = highlight({
  id: 'a',
  createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-03T09:00:00.000Z',
});
const b = highlight({
  id: 'b',
  createdAt: '2026-01-02T09:00:00.000Z',
  updatedAt: '2026-01-02T09:00:00.000Z',
});
const c = highlight({
  id: 'c',
  createdAt: '2026-01-04T09:00:00.000Z',
  updatedAt: '2026-01-04T09:00:00.000Z',
});
const d = highlight({
  id: 'd',
  createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-02T09:00:00.000Z',
});

describe('sortNotes', () => {
  it('keeps the document order as the core gave it', () => {
    expect(sortNotes([a, b, c, d], 'document').map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts the most recently changed first, then the most recently created', () => {
    // a was edited after b and d were made; b and d last changed at the same time.
    expect(sortNotes([a, b, c, d], 'date').map((n) => n.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('is stable: equal dates keep the document order', () => {
    const e = { ...b, id: 'e' };
    expect(sortNotes([e, b], 'date').map((n) => n.id)).toEqual(['e', 'b']);
    expect(sortNotes([b, e], 'date').map((n) => n.id)).toEqual(['b', 'e']);
  });

  it('returns a new array and leaves the given one alone', () => {
    const list = [a, b];
    expect(sortNotes(list, 'document')).not.toBe(list);
    sortNotes(list, 'date');
    expect(list.map((n) => n.id)).toEqual(['a', 'b']);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlight } from '../testing/fixtures';
import { FLASH_MS, flashPassage, passageMissing } from './placement';

function element(): {
  classes: Set<string>;
  classList: { add(c: string): void; remove(c: string): void };
} {
  const classes = new Set<string>();
  return { classes, classList: { add: (c) => classes.add(c), remove: (c) => classes.delete(c) } };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a passage reached by a jump', () => {
  it('flashes every part of it for a moment', () => {
    const parts = [element(), element()];
    flashPassage(parts);
    expect(parts.map((p) => p.classes.has('flash'))).toEqual([true, true]);
    vi.advanceTimersByTime(FLASH_MS);
    expect(parts.some((p) => p.classes.has('flash'))).toBe(false);
  });
});

describe('a note not found in the text', () => {
  it('is reported when deleted, elsewhere or orphaned; not when it is on this whole section', () => {
    expect(passageMissing(undefined, 'us-1')).toBe(true);
    expect(passageMissing(highlight({ sectionId: 'ca-1' }), 'us-1')).toBe(true);
    expect(passageMissing(highlight({ anchor: 'orphan' }), 'us-1')).toBe(true);
    expect(passageMissing(highlight({ kind: 'section-note', target: null }), 'us-1')).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlight, scrollBox } from '../testing/fixtures';
import {
  FLASH_MS,
  passageMissing,
  placeView,
  type Placeable,
  type PlacementBox,
} from './placement';

function element(attrs: Record<string, string>): Placeable & { classes: Set<string> } {
  const classes = new Set<string>();
  return {
    classes,
    scrollIntoView: vi.fn(),
    getAttribute: (name) => attrs[name] ?? null,
    classList: { add: (c) => classes.add(c), remove: (c) => classes.delete(c) },
  };
}

function box(parts: ReturnType<typeof element>[] = []): PlacementBox {
  return {
    ...scrollBox(),
    querySelector: (selector) =>
      parts.find((p) => selector === `mark[data-hit="${p.getAttribute('data-hit')}"]`) ?? null,
    querySelectorAll: () => parts.filter((p) => p.getAttribute('data-annotation-id') !== null),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('placing the view', () => {
  it('goes to the top or to a saved fraction in the reading direction', () => {
    const b = box();
    placeView(b, { kind: 'fraction', value: 0.5 }, false, false);
    expect(b.scrollTop).toBe(2000);
    placeView(b, { kind: 'top' }, false, false);
    expect(b.scrollTop).toBe(0);
    placeView(b, { kind: 'fraction', value: 0.5 }, true, false);
    expect(b.scrollLeft).toBe(-1000);
  });

  it('centres the hit asked for, smoothly unless motion is reduced', () => {
    const hit = element({ 'data-hit': '2' });
    expect(
      placeView(box([element({ 'data-hit': '1' }), hit]), { kind: 'hit', index: 2 }, false, false),
    ).toBe(true);
    expect(hit.scrollIntoView).toHaveBeenCalledWith({
      block: 'center',
      inline: 'center',
      behavior: 'smooth',
    });
    placeView(box([hit]), { kind: 'hit', index: 2 }, false, true);
    expect(hit.scrollIntoView).toHaveBeenLastCalledWith(
      expect.objectContaining({ behavior: 'auto' }),
    );
  });

  it('centres a note’s passage and flashes every part of it for a moment', () => {
    const first = element({ 'data-annotation-id': 'a-1' });
    const second = element({ 'data-annotation-id': 'a-1' });
    const other = element({ 'data-annotation-id': 'a-2' });
    expect(
      placeView(box([first, second, other]), { kind: 'annotation', id: 'a-1' }, false, false),
    ).toBe(true);
    expect(first.scrollIntoView).toHaveBeenCalledTimes(1);
    expect(second.scrollIntoView).not.toHaveBeenCalled();
    expect([
      first.classes.has('flash'),
      second.classes.has('flash'),
      other.classes.has('flash'),
    ]).toEqual([true, true, false]);
    vi.advanceTimersByTime(FLASH_MS);
    expect(first.classes.has('flash') || second.classes.has('flash')).toBe(false);
  });

  it('says when a note’s passage is not drawn here', () => {
    expect(placeView(box([]), { kind: 'annotation', id: 'a-9' }, false, false)).toBe(false);
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

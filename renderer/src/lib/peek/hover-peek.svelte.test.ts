import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverPeek, type PeekSubject } from './hover-peek.svelte';

/** An element as far as the pop-up touches it: its attributes. */
class FakeElement {
  readonly attributes = new Map<string, string>();
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
}

interface Subject extends PeekSubject {
  key: string;
  describes: HTMLElement | null;
  text?: string;
}

const SHOW = 300;
const HIDE = 250;
const marker = new FakeElement();
/** Pointer targets: a highlight (no element to describe), a marker, the plain text. */
const targets = {
  a: { key: 'a', describes: null },
  b: { key: 'b', describes: marker as unknown as HTMLElement },
  empty: { key: 'empty', describes: null },
} satisfies Record<string, Subject>;
type Target = keyof typeof targets | 'text';

function make() {
  return new HoverPeek<Subject>({
    id: 'peek',
    showDelayMs: SHOW,
    hideDelayMs: HIDE,
    find: (target) => {
      const name = target as unknown as Target;
      return name === 'text' ? null : targets[name];
    },
    resolve: (s) => (s.key === 'empty' ? null : { ...s, text: `about ${s.key}` }),
    rects: () => [],
  });
}
const over = (peek: HoverPeek<Subject>, target: Target) =>
  peek.pointerOver(target as unknown as EventTarget);

beforeEach(() => {
  vi.useFakeTimers();
  marker.attributes.clear();
});
afterEach(() => vi.useRealTimers());

describe('HoverPeek', () => {
  it('shows after the pause on hover, with what resolve added, and hides after a pause off it', () => {
    const peek = make();
    over(peek, 'a');
    vi.advanceTimersByTime(SHOW - 1);
    expect(peek.shown).toBeNull();
    vi.advanceTimersByTime(1);
    expect(peek.shown).toEqual({ key: 'a', describes: null, text: 'about a', byFocus: false });
    over(peek, 'text');
    vi.advanceTimersByTime(HIDE - 1);
    expect(peek.shown?.key).toBe('a');
    vi.advanceTimersByTime(1);
    expect(peek.shown).toBeNull();
  });

  it('passing over a target without resting on it shows nothing', () => {
    const peek = make();
    over(peek, 'a');
    vi.advanceTimersByTime(SHOW / 2);
    over(peek, 'text');
    vi.advanceTimersByTime(SHOW * 2);
    expect(peek.shown).toBeNull();
  });

  it('stays while the pointer moves onto the pop-up, and hides after it leaves', () => {
    const peek = make();
    over(peek, 'a');
    vi.advanceTimersByTime(SHOW);
    peek.pointerLeave();
    vi.advanceTimersByTime(HIDE / 2);
    peek.keep();
    vi.advanceTimersByTime(HIDE * 4);
    expect(peek.shown?.key).toBe('a');
    peek.leftPeek();
    vi.advanceTimersByTime(HIDE);
    expect(peek.shown).toBeNull();
  });

  it('one opened by focus describes its element and stays whatever the pointer does', () => {
    const peek = make();
    peek.show(targets.b, true);
    expect(marker.attributes.get('aria-describedby')).toBe('peek');
    over(peek, 'text');
    peek.pointerLeave();
    peek.leftPeek();
    vi.advanceTimersByTime(HIDE * 4);
    expect(peek.shown).toMatchObject({ key: 'b', byFocus: true });
    peek.hide();
    expect(marker.attributes.has('aria-describedby')).toBe(false);
  });

  it('focus on what hover already shows makes it persistent without drawing it anew', () => {
    const peek = make();
    over(peek, 'b');
    vi.advanceTimersByTime(SHOW);
    const placed = { left: 10, top: 20 };
    peek.position = placed;
    peek.show(targets.b, true);
    expect(peek.shown).toMatchObject({ key: 'b', byFocus: true, text: 'about b' });
    expect(peek.position).toBe(placed);
  });

  it('Esc dismisses; the same target does not show it again until the pointer leaves it', () => {
    const peek = make();
    expect(peek.dismiss()).toBe(false);
    over(peek, 'a');
    vi.advanceTimersByTime(SHOW);
    expect(peek.dismiss()).toBe(true);
    expect(peek.shown).toBeNull();
    over(peek, 'a');
    vi.advanceTimersByTime(SHOW * 2);
    expect(peek.shown).toBeNull();
    over(peek, 'text');
    over(peek, 'a');
    vi.advanceTimersByTime(SHOW);
    expect(peek.shown?.key).toBe('a');
  });

  it('a target with nothing to show hides what was shown and shows nothing', () => {
    const peek = make();
    peek.show(targets.b, true);
    peek.show(targets.empty, true);
    expect(peek.shown).toBeNull();
    expect(marker.attributes.has('aria-describedby')).toBe(false);
  });

  it('listen wires the pointer and scrolling on the box, and its undo removes them and hides', () => {
    const peek = make();
    const box = new EventTarget();
    const replace = vi.fn();
    const focusin = vi.fn();
    const stop = peek.listen(box as HTMLElement, replace, { focusin });
    box.dispatchEvent(new Event('scroll'));
    expect(replace).not.toHaveBeenCalled();
    peek.show(targets.a, true);
    box.dispatchEvent(new Event('scroll'));
    box.dispatchEvent(new Event('focusin'));
    expect([replace.mock.calls.length, focusin.mock.calls.length]).toEqual([1, 1]);
    stop();
    expect(peek.shown).toBeNull();
    peek.show(targets.a, true);
    box.dispatchEvent(new Event('scroll'));
    box.dispatchEvent(new Event('focusin'));
    expect([replace.mock.calls.length, focusin.mock.calls.length]).toEqual([1, 1]);
  });
});

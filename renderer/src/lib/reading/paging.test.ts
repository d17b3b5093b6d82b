import { describe, expect, it, vi } from 'vitest';
import { scrollBox } from '../testing/fixtures';
import { LINE_STEP, pagingMove, scrollByKey, type PagedBox, type PagingEvent } from './paging';

const view = { clientWidth: 800, clientHeight: 600 };
const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

function box() {
  const scrollBy = vi.fn<PagedBox['scrollBy']>();
  return { ...scrollBox({ ...view, scrollTop: 100, scrollLeft: -100 }), scrollBy };
}

function keyEvent(
  k: string,
  over: Partial<PagingEvent> = {},
): PagingEvent & { prevented: boolean } {
  const e = {
    key: k,
    shiftKey: false,
    repeat: false,
    target: null,
    prevented: false,
    preventDefault() {
      e.prevented = true;
    },
    ...over,
  };
  return e;
}

describe('paging moves', () => {
  it('moves a line with ↓/↑ and nine tenths of the screen with Page keys and Space', () => {
    expect(pagingMove(key('ArrowDown'), false, view, false)).toEqual({
      kind: 'by',
      forward: LINE_STEP,
    });
    expect(pagingMove(key('ArrowUp'), false, view, false)).toEqual({
      kind: 'by',
      forward: -LINE_STEP,
    });
    expect(pagingMove(key('PageDown'), false, view, false)).toEqual({ kind: 'by', forward: 540 });
    expect(pagingMove(key('PageUp'), false, view, false)).toEqual({ kind: 'by', forward: -540 });
    expect(pagingMove(key(' '), false, view, false)).toEqual({ kind: 'by', forward: 540 });
    expect(pagingMove(key(' ', true), false, view, false)).toEqual({ kind: 'by', forward: -540 });
  });

  it('pages by the width in vertical writing, where ← goes forward and → back', () => {
    expect(pagingMove(key('PageDown'), true, view, false)).toEqual({ kind: 'by', forward: 720 });
    expect(pagingMove(key('ArrowLeft'), true, view, false)).toEqual({
      kind: 'by',
      forward: LINE_STEP,
    });
    expect(pagingMove(key('ArrowRight'), true, view, false)).toEqual({
      kind: 'by',
      forward: -LINE_STEP,
    });
    // In horizontal writing ←/→ are not paging keys.
    expect(pagingMove(key('ArrowLeft'), false, view, false)).toBeNull();
  });

  it('goes to the ends with Home/End, and leaves other keys and Space on a control alone', () => {
    expect(pagingMove(key('Home'), true, view, false)).toEqual({ kind: 'to', fraction: 0 });
    expect(pagingMove(key('End'), false, view, false)).toEqual({ kind: 'to', fraction: 1 });
    expect(pagingMove(key('a'), false, view, false)).toBeNull();
    expect(pagingMove(key(' '), false, view, true)).toBeNull();
    // Other paging keys still page from a focused control.
    expect(pagingMove(key('PageDown'), false, view, true)).toEqual({ kind: 'by', forward: 540 });
  });
});

describe('scrollByKey', () => {
  it('scrolls down in horizontal writing and leftwards in vertical writing, smoothly', () => {
    const h = box();
    const e = keyEvent('PageDown');
    scrollByKey(h, e, false, false);
    expect(h.scrollBy).toHaveBeenCalledWith({ top: 540, behavior: 'smooth' });
    expect(e.prevented).toBe(true);
    const v = box();
    scrollByKey(v, keyEvent('ArrowLeft'), true, false);
    expect(v.scrollBy).toHaveBeenCalledWith({ left: -LINE_STEP, behavior: 'smooth' });
  });

  it('jumps instantly with reduced motion or a held key', () => {
    const b = box();
    scrollByKey(b, keyEvent('ArrowDown', { repeat: true }), false, false);
    scrollByKey(b, keyEvent('ArrowDown'), false, true);
    expect(b.scrollBy.mock.calls.map((c) => c[0].behavior)).toEqual(['auto', 'auto']);
  });

  it('puts Home and End at the ends of the reading direction', () => {
    const v = box();
    scrollByKey(v, keyEvent('End'), true, false);
    expect(v.scrollLeft).toBe(-2200);
    scrollByKey(v, keyEvent('Home'), true, false);
    expect(v.scrollLeft === 0).toBe(true);
    expect(v.scrollBy).not.toHaveBeenCalled();
  });

  it('leaves Space to a focused button and other keys to the browser', () => {
    const b = box();
    const button = { closest: (s: string) => (s.includes('button') ? {} : null) };
    const space = keyEvent(' ', { target: button as unknown as EventTarget });
    scrollByKey(b, space, false, false);
    const letter = keyEvent('x');
    scrollByKey(b, letter, false, false);
    expect(b.scrollBy).not.toHaveBeenCalled();
    expect([space.prevented, letter.prevented]).toEqual([false, false]);
  });
});

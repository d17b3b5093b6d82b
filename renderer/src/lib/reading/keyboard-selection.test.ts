import { describe, expect, it } from 'vitest';
import { selectionMove, type SelectKey } from './keyboard-selection';

const key = (k: string, over: Partial<SelectKey> = {}): SelectKey => ({
  key: k,
  shiftKey: true,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...over,
});

describe('selectionMove', () => {
  it('extends by character along the line and by line across, in horizontal writing', () => {
    expect(selectionMove(key('ArrowRight'), false)).toEqual({
      direction: 'forward',
      granularity: 'character',
    });
    expect(selectionMove(key('ArrowLeft'), false)).toEqual({
      direction: 'backward',
      granularity: 'character',
    });
    expect(selectionMove(key('ArrowDown'), false)).toEqual({
      direction: 'forward',
      granularity: 'line',
    });
    expect(selectionMove(key('ArrowUp'), false)).toEqual({
      direction: 'backward',
      granularity: 'line',
    });
  });

  it('follows the columns in vertical writing: ↓ along a column, ← to the next one', () => {
    expect(selectionMove(key('ArrowDown'), true)).toEqual({
      direction: 'forward',
      granularity: 'character',
    });
    expect(selectionMove(key('ArrowUp'), true)).toEqual({
      direction: 'backward',
      granularity: 'character',
    });
    expect(selectionMove(key('ArrowLeft'), true)).toEqual({
      direction: 'forward',
      granularity: 'line',
    });
    expect(selectionMove(key('ArrowRight'), true)).toEqual({
      direction: 'backward',
      granularity: 'line',
    });
  });

  it('moves by word with Ctrl (⌥ on macOS) and to the line ends with Home/End', () => {
    expect(selectionMove(key('ArrowRight', { ctrlKey: true }), false)).toEqual({
      direction: 'forward',
      granularity: 'word',
    });
    expect(selectionMove(key('ArrowDown', { ctrlKey: true }), true)).toEqual({
      direction: 'forward',
      granularity: 'word',
    });
    expect(selectionMove(key('ArrowRight', { altKey: true }), false, true)).toEqual({
      direction: 'forward',
      granularity: 'word',
    });
    expect(selectionMove(key('ArrowRight', { altKey: true }), false, false)).toBeNull();
    expect(selectionMove(key('End'), false)).toEqual({
      direction: 'forward',
      granularity: 'lineboundary',
    });
    expect(selectionMove(key('Home'), true)).toEqual({
      direction: 'backward',
      granularity: 'lineboundary',
    });
  });

  it('leaves keys without Shift, and other keys, to paging', () => {
    expect(selectionMove(key('ArrowDown', { shiftKey: false }), false)).toBeNull();
    expect(selectionMove(key(' '), false)).toBeNull();
    expect(selectionMove(key('PageDown'), false)).toBeNull();
    expect(selectionMove(key('ArrowDown', { metaKey: true }), false)).toBeNull();
  });
});

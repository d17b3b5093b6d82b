import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OUTLINE_MAX, OUTLINE_MIN, UiState } from './ui.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('layout state', () => {
  it('remembers the outline apart for wide and narrow windows', () => {
    const ui = new UiState();
    expect(ui.outlineOpen).toBe(true);
    ui.narrow = true;
    expect(ui.outlineOpen).toBe(false);
    ui.toggleOutline();
    expect(ui.outlineOpen).toBe(true);
    ui.narrow = false;
    ui.setOutline(false);
    ui.narrow = true;
    expect(ui.outlineOpen).toBe(true);
  });

  it('closes the narrow outline overlay when the side panel opens', () => {
    const ui = new UiState();
    ui.narrow = true;
    ui.setOutline(true);
    ui.openPanel('notes');
    expect([ui.panelOpen, ui.panelTab, ui.outlineOpen]).toEqual([true, 'notes', false]);
  });

  it('keeps the outline width within its bounds, in whole pixels', () => {
    const ui = new UiState();
    ui.resizeOutline(10);
    expect(ui.outlineWidth).toBe(OUTLINE_MIN);
    ui.resizeOutline(9999);
    expect(ui.outlineWidth).toBe(OUTLINE_MAX);
    ui.resizeOutline(300.6);
    expect(ui.outlineWidth).toBe(301);
  });

  it('shows a message for a moment, longer when it offers an action, which runs once', () => {
    const ui = new UiState();
    ui.notify('保存しました');
    vi.advanceTimersByTime(2499);
    expect(ui.toast).toBe('保存しました');
    vi.advanceTimersByTime(1);
    expect(ui.toast).toBeNull();
    const run = vi.fn();
    ui.notify('メモを削除しました', { label: '元に戻す', run });
    vi.advanceTimersByTime(7999);
    expect(ui.toastAction?.label).toBe('元に戻す');
    ui.runToastAction();
    expect(run).toHaveBeenCalledTimes(1);
    expect([ui.toast, ui.toastAction]).toEqual([null, null]);
  });

  it('a new message replaces the old one and its timer', () => {
    const ui = new UiState();
    ui.notify('一');
    vi.advanceTimersByTime(2000);
    ui.notify('二');
    vi.advanceTimersByTime(2000);
    expect(ui.toast).toBe('二');
  });
});

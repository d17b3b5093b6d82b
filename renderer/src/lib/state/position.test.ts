import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const setPosition = vi.fn(async (p: unknown) => p);
vi.mock('../api', () => ({ api: { setPosition: (p: unknown) => setPosition(p) } }));

const { positionSaver } = await import('./position');

beforeEach(() => {
  vi.useFakeTimers();
  setPosition.mockClear();
});
afterEach(() => {
  positionSaver.flush();
  vi.useRealTimers();
});

describe('position saver', () => {
  it('writes a section change once the frame showing it is painted, rounded', () => {
    positionSaver.record({ sectionId: 'us-1', scroll: 0.123456 }, true);
    // Not before the frame: the jump's text is drawn first.
    expect(setPosition).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(setPosition).toHaveBeenCalledTimes(1);
    expect(setPosition).toHaveBeenCalledWith({ sectionId: 'us-1', scroll: 0.1235 });
  });

  it('writes only the last of several section changes within a frame', () => {
    positionSaver.record({ sectionId: 'us-5', scroll: 0 }, true);
    positionSaver.record({ sectionId: 'us-6', scroll: 0.25 }, true);
    vi.runAllTimers();
    expect(setPosition).toHaveBeenCalledTimes(1);
    expect(setPosition).toHaveBeenCalledWith({ sectionId: 'us-6', scroll: 0.25 });
  });

  it('writes a section change at once in a hidden page, which paints no frame', () => {
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    try {
      positionSaver.record({ sectionId: 'us-8', scroll: 0 }, true);
      expect(setPosition).toHaveBeenCalledWith({ sectionId: 'us-8', scroll: 0 });
      vi.runAllTimers();
      expect(setPosition).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('saves at once on leaving the page, without waiting for a frame', () => {
    positionSaver.record({ sectionId: 'us-7', scroll: 0.5 }, true);
    positionSaver.leave();
    expect(setPosition).toHaveBeenCalledWith({ sectionId: 'us-7', scroll: 0.5 });
    vi.runAllTimers();
    expect(setPosition).toHaveBeenCalledTimes(1);
  });

  it('coalesces scrolling into one write per half second, the latest position', () => {
    positionSaver.record({ sectionId: 'us-2', scroll: 0.1 });
    positionSaver.record({ sectionId: 'us-2', scroll: 0.2 });
    positionSaver.record({ sectionId: 'us-2', scroll: 0.3 });
    expect(setPosition).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(setPosition).toHaveBeenCalledTimes(1);
    expect(setPosition).toHaveBeenCalledWith({ sectionId: 'us-2', scroll: 0.3 });
  });

  it('does not write the same position twice, and flushes on demand (page hide)', () => {
    positionSaver.record({ sectionId: 'us-3', scroll: 0.5 }, true);
    vi.runAllTimers();
    positionSaver.record({ sectionId: 'us-3', scroll: 0.5 }, true);
    vi.runAllTimers();
    expect(setPosition).toHaveBeenCalledTimes(1);
    positionSaver.record({ sectionId: 'us-3', scroll: 0.6 });
    positionSaver.flush();
    expect(setPosition).toHaveBeenLastCalledWith({ sectionId: 'us-3', scroll: 0.6 });
  });

  it('tries again after a failed write', async () => {
    setPosition.mockRejectedValueOnce(new Error('unavailable'));
    positionSaver.record({ sectionId: 'us-4', scroll: 0.7 }, true);
    await vi.runAllTimersAsync();
    positionSaver.record({ sectionId: 'us-4', scroll: 0.7 }, true);
    await vi.runAllTimersAsync();
    expect(setPosition).toHaveBeenCalledTimes(2);
  });
});

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
  it('writes a section change at once, rounded', () => {
    positionSaver.record({ sectionId: 'us-1', scroll: 0.123456 }, true);
    expect(setPosition).toHaveBeenCalledWith({ sectionId: 'us-1', scroll: 0.1235 });
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
    positionSaver.record({ sectionId: 'us-3', scroll: 0.5 }, true);
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
    expect(setPosition).toHaveBeenCalledTimes(2);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { PositionTracker } from './position-tracker';
import { sectionView } from '../testing/fixtures';

function tracker() {
  const saver = { record: vi.fn() };
  const history = { saveScroll: vi.fn() };
  const frames: (() => void)[] = [];
  const t = new PositionTracker(saver, history, (run) => frames.push(run));
  return { t, saver, history, frames };
}

describe('the reading position as the reader scrolls', () => {
  it('records a placed view at once, in the saver and the history entry', () => {
    const { t, saver, history } = tracker();
    t.placed('us-1', 0.25);
    expect(saver.record).toHaveBeenCalledWith({ sectionId: 'us-1', scroll: 0.25 }, true);
    expect(history.saveScroll).toHaveBeenCalledWith('us-1', 0.25);
    expect(t.lastFraction).toBe(0.25);
  });

  it('does not record the scroll the placing itself raises, until the next frame', () => {
    const { t, saver, frames } = tracker();
    t.placed('us-1', 0);
    t.scrolled('us-1', 0.3);
    expect(saver.record).toHaveBeenCalledTimes(1);
    // The fraction is still followed (a layout change puts the reader back there).
    expect(t.lastFraction).toBe(0.3);
    for (const run of frames) run();
    t.scrolled('us-1', 0.4);
    expect(saver.record).toHaveBeenLastCalledWith({ sectionId: 'us-1', scroll: 0.4 });
  });

  it('records the reader’s own scrolling, coalesced by the saver (not immediate)', () => {
    const { t, saver, history } = tracker();
    t.scrolled('us-2', 0.5);
    expect(saver.record).toHaveBeenCalledWith({ sectionId: 'us-2', scroll: 0.5 });
    expect(saver.record.mock.calls[0]).toHaveLength(1);
    expect(history.saveScroll).toHaveBeenCalledWith('us-2', 0.5);
  });
});

describe('positions as places in the text', () => {
  const view = sectionView({
    id: 'us-1',
    paragraphs: [
      { id: 'p1', text: 'あいうえお' },
      { id: 'p2', text: 'かきくけこ' },
    ],
  });

  it('records the share of the section jumped to, or 0 when the view starts elsewhere', () => {
    const { t, saver } = tracker();
    t.placedAt('us-1', view, { sectionId: 'us-1', paragraphId: 'p2', offset: 0 });
    expect(saver.record).toHaveBeenLastCalledWith({ sectionId: 'us-1', scroll: 0.5 }, true);
    t.placedAt('us-1', view, { sectionId: 'us-0', paragraphId: 'x', offset: 3 });
    expect(saver.record).toHaveBeenLastCalledWith({ sectionId: 'us-1', scroll: 0 }, true);
    t.placedAt('us-1', undefined, null);
    expect(saver.record).toHaveBeenLastCalledWith({ sectionId: 'us-1', scroll: 0 }, true);
  });

  it('records a scrolled-to place in its own section only', () => {
    const { t, saver } = tracker();
    t.scrolledTo(view, { sectionId: 'us-1', paragraphId: 'p1', offset: 5 });
    expect(saver.record).toHaveBeenLastCalledWith({ sectionId: 'us-1', scroll: 0.5 });
    t.scrolledTo(undefined, { sectionId: 'us-2', paragraphId: 'q', offset: 0 });
    t.scrolledTo(view, { sectionId: 'us-2', paragraphId: 'q', offset: 0 });
    expect(saver.record).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { trackSelection } from './selection';

// paragraphSelection itself needs a DOM (Range), which Node has not: the browser tests cover it
// (selecting across marks and 縦中横 spans, then highlighting). Here: the wiring.
function fakeArticle(selection: Partial<Selection> | null) {
  const listeners = new Set<() => void>();
  const doc = {
    addEventListener: (type: string, fn: () => void) =>
      type === 'selectionchange' && listeners.add(fn),
    removeEventListener: (_type: string, fn: () => void) => listeners.delete(fn),
    getSelection: () => selection,
  };
  return { article: { ownerDocument: doc } as unknown as Element, listeners };
}

describe('trackSelection', () => {
  it('reports the selection on every change, and null once detached', () => {
    const onChange = vi.fn();
    const { article, listeners } = fakeArticle({ rangeCount: 1, isCollapsed: true });
    const detach = trackSelection(onChange)(article);
    expect(listeners.size).toBe(1);
    for (const l of listeners) l();
    // A collapsed selection (a caret) offers nothing to highlight.
    expect(onChange).toHaveBeenLastCalledWith(null);
    detach();
    expect(listeners.size).toBe(0);
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});

import { describe, expect, it } from 'vitest';
import { ViewAnchor, type AnchorBox, type Anchorable } from './view-anchor';

// A horizontal scroller 500 px tall at the top of the page, and blocks laid out in its
// content at fixed content offsets (their screen boxes follow the scroll).
function scroller(): AnchorBox {
  return {
    scrollTop: 0,
    scrollLeft: 0,
    clientWidth: 800,
    clientHeight: 500,
    getBoundingClientRect: () => ({ top: 0, bottom: 500, left: 0, right: 800 }),
  };
}

function block(box: AnchorBox, content: { start: number; length: number }): Anchorable {
  return {
    isConnected: true,
    getBoundingClientRect: () => ({
      top: content.start - box.scrollTop,
      bottom: content.start + content.length - box.scrollTop,
      left: 0,
      right: 800,
    }),
  };
}

describe('ViewAnchor', () => {
  it('holds on to the first block reaching into the view and keeps it in place', () => {
    const box = scroller();
    box.scrollTop = 250;
    const a = { start: 0, length: 200 };
    const b = { start: 200, length: 300 };
    const anchor = new ViewAnchor();
    anchor.take([block(box, a), block(box, b)], box, false);
    // Something above grew by 40 px: b moved down, and the view follows it.
    a.length += 40;
    b.start += 40;
    expect(anchor.restore(box, false)).toBe(40);
    expect(box.scrollTop).toBe(290);
    expect(anchor.restore(box, false)).toBe(0);
  });

  it('has nothing to restore without a block in view or once it is gone', () => {
    const box = scroller();
    box.scrollTop = 1000;
    const anchor = new ViewAnchor();
    anchor.take([block(box, { start: 0, length: 100 })], box, false);
    expect(anchor.restore(box, false)).toBeNull();
    box.scrollTop = 0;
    const gone = { ...block(box, { start: 0, length: 100 }), isConnected: false };
    anchor.take([gone], box, false);
    expect(anchor.restore(box, false)).toBeNull();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { onPressOutside } from './press-outside';

/** A stand-in node that contains what `holds` says. */
const node = (holds: (target: unknown) => boolean) => ({ contains: holds }) as unknown as Node;

describe('onPressOutside', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('calls back on a press outside every node, not on one inside, and stops when told', () => {
    const win = new EventTarget();
    vi.stubGlobal('window', win);
    let inside = false;
    const onOutside = vi.fn();
    const stop = onPressOutside(() => [null, node(() => inside)], onOutside);

    win.dispatchEvent(new Event('pointerdown'));
    expect(onOutside).toHaveBeenCalledTimes(1);

    // The nodes are read at each press (a popup drawn later counts).
    inside = true;
    win.dispatchEvent(new Event('pointerdown'));
    expect(onOutside).toHaveBeenCalledTimes(1);

    inside = false;
    stop();
    win.dispatchEvent(new Event('pointerdown'));
    expect(onOutside).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it } from 'vitest';
import { watchBoxSize, type SizeWatchHost } from './box-size';

function fakeHost() {
  let callback: (() => void) | null = null;
  const frames: (() => void)[] = [];
  const host: SizeWatchHost = {
    observe(_box, cb) {
      callback = cb;
      return () => (callback = null);
    },
    nextFrame: (run) => void frames.push(run),
  };
  return {
    host,
    /** The observer fires, then the next frame runs. */
    resize() {
      callback?.();
      for (const run of frames.splice(0)) run();
    },
    get watching() {
      return callback !== null;
    },
  };
}

describe('watchBoxSize', () => {
  it('says first, then each new size in the next frame, never the same size twice', () => {
    const box = { clientWidth: 800, clientHeight: 600 };
    const fake = fakeHost();
    const calls: boolean[] = [];
    const stop = watchBoxSize(box, (first) => calls.push(first), fake.host);
    fake.resize();
    expect(calls).toEqual([true]);
    fake.resize();
    expect(calls).toEqual([true]);
    box.clientWidth = 1000;
    fake.resize();
    expect(calls).toEqual([true, false]);
    stop();
    expect(fake.watching).toBe(false);
  });
});

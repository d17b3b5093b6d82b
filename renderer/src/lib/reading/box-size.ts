// Both reading views lay their text out again when their box changes size (the window, the
// outline or the side panel opened or closed), keeping the reader's place. The work is
// done in the next frame, not inside the ResizeObserver's callback, whose layout changes
// would be a ResizeObserver loop; a callback that leaves the size as it was does nothing.

export interface SizedBox {
  readonly clientWidth: number;
  readonly clientHeight: number;
}

/** What watchBoxSize needs of the page (the browser's by default). */
export interface SizeWatchHost {
  observe(box: SizedBox, callback: () => void): () => void;
  nextFrame(run: () => void): void;
}

const browserHost: SizeWatchHost = {
  observe(box, callback) {
    const ro = new ResizeObserver(callback);
    ro.observe(box as Element);
    return () => ro.disconnect();
  },
  nextFrame: (run) => void requestAnimationFrame(run),
};

/**
 * Calls `onSize(first)` in the frame after the box is first observed (`first` true) and
 * after each change of its size; returns the function that stops watching.
 */
export function watchBoxSize(
  box: SizedBox,
  onSize: (first: boolean) => void,
  host: SizeWatchHost = browserHost,
): () => void {
  let last = '';
  return host.observe(box, () =>
    host.nextFrame(() => {
      const size = `${box.clientWidth}x${box.clientHeight}`;
      if (size === last) return;
      const first = last === '';
      last = size;
      onSize(first);
    }),
  );
}

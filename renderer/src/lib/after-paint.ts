// Work the reader does not see — a history entry, a saved position — runs after the frame
// that shows what they asked for. A section jump used to write its history entry
// (pushState, ~3.5 ms in Chromium) and save the position (a request) before the view
// was drawn; in a task after the next frame, the text is on screen that much sooner and
// the work is the same. The task has background priority where the browser has a task
// scheduler (Chromium, Electron): the reader's next key or click, and anything else
// waiting, goes first.

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<unknown>;
}

/** The browser's prioritized task scheduler, where there is one. */
function taskScheduler(): TaskScheduler | null {
  const s = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  return typeof s?.postTask === 'function' ? (s as TaskScheduler) : null;
}

/** Runs `fn` in a task after the next frame has been painted (after other waiting tasks). */
export function afterPaint(fn: () => void): void {
  const later = (): void => {
    const scheduler = taskScheduler();
    if (scheduler) void scheduler.postTask(fn, { priority: 'background' });
    else setTimeout(fn, 0);
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
  else later();
}

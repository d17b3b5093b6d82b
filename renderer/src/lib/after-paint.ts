// Work the reader does not see — a history entry, a saved position — runs after the frame
// that shows what they asked for. A section jump used to write its history entry
// (pushState, ~3.5 ms in Chromium) and save the position (a request) before the view
// was drawn; in a task after the next frame, the text is on screen that much sooner and
// the work is the same. A task after an animation frame: that frame has been painted by
// then (the usual stand-in, as the UI benchmark's probes use).

/** Runs `fn` in a task after the next frame has been painted. */
export function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() => void setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

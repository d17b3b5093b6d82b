// The moment the reader first sees the text: a reading view has carried out its first
// jump (the text drawn and placed) and the frame holding it has been painted. Work that
// would hold that frame up waits for it — above all the bundled fonts' stylesheet: its
// ~500 unicode-range faces make every layout of the text check and fetch subsets, which
// tripled the first layout of the opening section. Until they arrive the text is set in
// the stack's next face (the system's Noto CJK where there is one: the same design, so
// nothing moves when the bundled face takes over; see app.css).

let release: () => void = () => {};
let released = false;
/** Until when (performance.now()) a passage flashed at the start is on show. */
let quietUntil = 0;

/** Resolves after the frame with the first text in it has been painted (or the start failed). */
export const firstTextPainted: Promise<void> = new Promise((resolve) => {
  release = resolve;
});

/**
 * A view has drawn and placed its first text (or the start ended without any): what
 * waits for it runs after the next frame is painted. Only the first call counts.
 */
export function firstTextPlaced(): void {
  if (released) return;
  released = true;
  // A task after the next animation frame: that frame has been painted by then; and after
  // a passage the start flashes (a link to a note) has been shown — the fonts' work would
  // freeze its flash, which is what the reader's eye looks for.
  const go = () => setTimeout(release, Math.max(0, quietUntil - performance.now()));
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(go);
  else go();
}

/** A passage is flashed for `ms` from now: what waits for the first text waits for that too. */
export function flashingFor(ms: number): void {
  if (!released) quietUntil = Math.max(quietUntil, performance.now() + ms);
}

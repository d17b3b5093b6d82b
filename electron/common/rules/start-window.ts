// The sections a start draws first: the one it opens and the few after it, which fill
// the first screen. The core answers them with the saved position in one call (getStart),
// the renderer asks for them before anything else, and the UI benchmark's static peer
// page holds the same sections.
import type { TocEntry } from '../api/types';

/** The section a start opens and the few after it: what the first screen shows. */
export const START_WINDOW = 4;

/** The ids of the start's window in `toc`, from section `id` (the first section without one). */
export function startWindow(toc: readonly TocEntry[], id: string | null | undefined): string[] {
  const at = Math.max(0, id ? toc.findIndex((e) => e.id === id) : 0);
  return toc.slice(at, at + START_WINDOW).map((e) => e.id);
}

// Puts the view where the reader asked, once the section's text is painted: the top, a
// saved fraction (a restored position, Back), a search hit (centred), or a note's
// passage (centred and flashed for a moment, so the eye finds it). The request comes
// from the reader state (`takeScrollRequest`); the layout is the pane's.
import type { Annotation } from '../../../../electron/common/api/types';
import type { ScrollRequest } from '../state/reader.svelte';
import { applyFraction, type ScrollBox } from '../text/scroll';

/** How long a passage reached by a link or a jump stays flashed. */
export const FLASH_MS = 1600;

export interface Placeable {
  scrollIntoView(options: ScrollIntoViewOptions): void;
  getAttribute(name: string): string | null;
  readonly classList: { add(name: string): void; remove(name: string): void };
}

export interface PlacementBox extends ScrollBox {
  querySelector(selector: string): Placeable | null;
  querySelectorAll(selector: string): Iterable<Placeable>;
}

function centre(el: Placeable, reducedMotion: boolean): void {
  el.scrollIntoView({
    block: 'center',
    inline: 'center',
    behavior: reducedMotion ? 'auto' : 'smooth',
  });
}

/** Flashes the parts of a passage (the `flash` class) for `FLASH_MS`. */
export function flashPassage(parts: readonly Placeable[]): void {
  for (const part of parts) part.classList.add('flash');
  setTimeout(() => {
    for (const part of parts) part.classList.remove('flash');
  }, FLASH_MS);
}

/**
 * Places the view for `request`. Returns false when it asked for an annotation whose
 * passage is not drawn in this section (the caller says so, if it should).
 */
export function placeView(
  box: PlacementBox,
  request: ScrollRequest,
  vertical: boolean,
  reducedMotion: boolean,
): boolean {
  if (request.kind === 'hit') {
    const mark = box.querySelector(`mark[data-hit="${request.index}"]`);
    if (mark) centre(mark, reducedMotion);
    return true;
  }
  if (request.kind === 'annotation') {
    const parts = [...box.querySelectorAll('[data-annotation-id]')].filter(
      (el) => el.getAttribute('data-annotation-id') === request.id,
    );
    if (parts.length === 0) return false;
    centre(parts[0]!, reducedMotion);
    flashPassage(parts);
    return true;
  }
  applyFraction(box, vertical, request.kind === 'fraction' ? request.value : 0);
  return true;
}

/**
 * Whether a note whose passage is not drawn here must be reported as not found: yes if
 * it is deleted, another section's, or a highlight (orphaned); a note on this whole
 * section is where it belongs (the section itself is its place).
 */
export function passageMissing(note: Annotation | undefined, sectionId: string): boolean {
  return !note || note.sectionId !== sectionId || note.kind === 'highlight';
}

/** Whether the reader asked the system for less motion (then jumps are instant). */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

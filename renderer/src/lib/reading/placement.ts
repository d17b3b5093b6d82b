// Where a jump puts the reader, once the section's text is drawn: its top, a share of its
// text (a restored position, Back), a character (a bookmark), a search hit (centred), a
// note's passage or words a link leads to (a glossary term's definition), centred and
// flashed for a moment, so the eye finds them. The request
// comes from the reader state (`Placement`); this finds the box to bring into view, and
// each view brings it in its own way (scrolled to, or the page that holds it).
import type { Annotation, SectionView } from '../../../../electron/common/api/types';
import type { Placement } from '../state/reader.svelte';
import { placeAt, type TextPlace } from './anchor';
import { placeRect } from './place-in-view';
import { flashRange, passageWordsRange } from './passage';
import { flashingFor } from './first-text';

/** How long a passage reached by a link or a jump stays flashed. */
export const FLASH_MS = 1600;

export interface Flashable {
  readonly classList: { add(name: string): void; remove(name: string): void };
}

/** Flashes the parts of a passage (the `flash` class) for `FLASH_MS`. */
export function flashPassage(parts: readonly Flashable[]): void {
  flashingFor(FLASH_MS);
  for (const part of parts) part.classList.add('flash');
  setTimeout(() => {
    for (const part of parts) part.classList.remove('flash');
  }, FLASH_MS);
}

/** What to bring into view: a box, at the start of the view or centred in it. */
export interface PlacementTarget {
  rect: DOMRect | null;
  how: 'start' | 'centre';
  /** A note's passage was asked for and is not drawn (the section's top is shown instead). */
  missing: boolean;
}

function sectionTop(root: ParentNode, sectionId: string): DOMRect | null {
  const section = root.querySelector(`[data-section-id="${CSS.escape(sectionId)}"]`);
  return section?.getClientRects()[0] ?? null;
}

/** The box of a place in the text drawn under `root`: its character, or its section's top. */
export function placeBox(root: ParentNode, place: TextPlace): DOMRect | null {
  return place.paragraphId === null
    ? sectionTop(root, place.sectionId)
    : (placeRect(root, place) ?? null);
}

/** The box a placement asks for in section `sectionId`, drawn under `root`. */
export function placementTarget(
  root: ParentNode,
  sectionId: string,
  placement: Placement,
  view: SectionView | undefined,
  reducedMotion = false,
): PlacementTarget {
  const top = (): PlacementTarget => ({
    rect: sectionTop(root, sectionId),
    how: 'start',
    missing: false,
  });
  switch (placement.kind) {
    case 'top':
      return top();
    case 'fraction':
    case 'place': {
      const place =
        placement.kind === 'place'
          ? { sectionId, paragraphId: placement.paragraphId, offset: placement.offset }
          : view
            ? placeAt(view, placement.value)
            : null;
      if (!place || place.paragraphId === null) return top();
      return {
        rect: placeRect(root, place) ?? sectionTop(root, sectionId),
        how: 'start',
        missing: false,
      };
    }
    case 'hit': {
      const mark = root.querySelector(`mark[data-hit="${placement.index}"]`);
      return mark
        ? { rect: mark.getClientRects()[0] ?? null, how: 'centre', missing: false }
        : top();
    }
    case 'annotation': {
      const parts = [
        ...root.querySelectorAll<HTMLElement>(`[data-annotation-id="${CSS.escape(placement.id)}"]`),
      ];
      if (parts.length === 0) return { ...top(), missing: true };
      flashPassage(parts);
      return { rect: parts[0]!.getClientRects()[0] ?? null, how: 'centre', missing: false };
    }
    case 'passage': {
      const range = passageWordsRange(root, sectionId, placement);
      const rect = range?.getClientRects()[0];
      if (!range || !rect) return top();
      flashRange(range, reducedMotion);
      return { rect, how: 'centre', missing: false };
    }
  }
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

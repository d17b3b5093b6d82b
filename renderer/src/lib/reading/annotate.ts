// What the reader's gestures on the text ask of the annotation editor: a selection
// becomes a passage to highlight (paragraph ids and offsets, as the contract stores
// them); the M key without a selection takes the first paragraph in view (or, in a
// section with no paragraphs, a note on the whole section); a click on a highlight
// opens its note, unless the click ended a selection; a click on a note's marker
// always opens it.
import type { SectionView } from '../../../../electron/common/api/types';
import type { EditorTarget } from '../state/annotations.svelte';
import type { ParagraphSelection } from '../text/selection';

export type PassageRange = Extract<EditorTarget, { kind: 'new' }>['range'];

export function selectionRange(sel: ParagraphSelection): PassageRange {
  return {
    startParagraphId: sel.startParagraphId,
    startOffset: sel.startOffset,
    endParagraphId: sel.endParagraphId,
    endOffset: sel.endOffset,
  };
}

/** The editor on a selected passage: a new highlight, its note to write. */
export function selectionTarget(sel: ParagraphSelection): EditorTarget {
  return { kind: 'new', range: selectionRange(sel), quote: sel.text };
}

interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export interface ParagraphElement {
  getBoundingClientRect(): Box;
  readonly dataset: { paragraphId?: string };
}

export interface ReadingScroller {
  getBoundingClientRect(): Box;
  querySelectorAll(selector: 'p[data-paragraph-id]'): Iterable<ParagraphElement>;
}

/**
 * The id of the first paragraph in view, in reading order: the first whose box
 * reaches into the scroller (in vertical writing, the rightmost column in view); the
 * first paragraph when none is (or undefined when there are none).
 */
export function paragraphInView(scroller: ReadingScroller, vertical: boolean): string | undefined {
  const box = scroller.getBoundingClientRect();
  const paras = [...scroller.querySelectorAll('p[data-paragraph-id]')];
  const inView =
    paras.find((p) => {
      const r = p.getBoundingClientRect();
      return vertical
        ? r.right <= box.right + 1 && r.right > box.left
        : r.bottom > box.top && r.top < box.bottom;
    }) ?? paras[0];
  return inView?.dataset.paragraphId;
}

/** The editor on a whole paragraph, or on the section when it has no such paragraph. */
export function paragraphTarget(
  section: SectionView,
  paragraphId: string | undefined,
): EditorTarget {
  const paragraph = section.paragraphs.find((p) => p.id === paragraphId);
  if (!paragraph) return { kind: 'section', sectionId: section.id };
  return {
    kind: 'new',
    range: {
      startParagraphId: paragraph.id,
      startOffset: 0,
      endParagraphId: paragraph.id,
      endOffset: paragraph.text.length,
    },
    quote: paragraph.text,
  };
}

/**
 * The annotation whose highlight or note marker was clicked, or null: a click elsewhere,
 * or one on a highlight that ended a selection (`selectionCollapsed` false), which
 * belongs to the selection.
 */
export function clickedAnnotation(
  target: EventTarget | null,
  selectionCollapsed: boolean,
): string | null {
  const el = target as { closest?: (selector: string) => Element | null } | null;
  if (typeof el?.closest !== 'function') return null;
  // A glossary term inside a highlight shows its own pop-up; the click is not the note's.
  if (el.closest('[data-term]')) return null;
  const marker = el.closest('[data-note-marker]');
  if (marker) return marker.getAttribute('data-note-marker') || null;
  const highlight = el.closest('[data-annotation-id]');
  if (!highlight || !selectionCollapsed) return null;
  return highlight.getAttribute('data-annotation-id') || null;
}

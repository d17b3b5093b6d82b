// What the reading pane does with the text whichever view draws it (continuous or paged):
// follow the selection (the colour bar), add the source line on copy, open a note when
// its highlight or marker is clicked. The views attach these to their article; the
// props the pane gives either view, and the data attributes either view's box carries,
// are defined here once.
import type { Attachment } from 'svelte/attachments';
import type { ReaderState } from '../state/reader.svelte';
import type { AnnotationsState } from '../state/annotations.svelte';

export interface TextHandlers {
  copy: (e: ClipboardEvent) => void;
  click: (e: MouseEvent) => void;
  selection: Attachment<HTMLElement>;
}

/** What the reading pane gives either view. */
export interface ReadingViewProps {
  /** The document, its outline, the sections fetched, the jumps to carry out. */
  reader: ReaderState;
  /** The reader's highlights and notes, drawn in the text. */
  annotations: AnnotationsState;
  /** Selection, copy and clicks in the text (the reading pane's). */
  handlers: TextHandlers;
  /** The glossary's abbreviations, marked in the text. */
  terms: readonly string[];
  /** The scrolling box (or page clip), for the colour bar and the note pop-up. */
  scroller?: HTMLElement | null;
}

/**
 * The data attributes of a view's scrolling box (or page clip): the section in view, the
 * writing direction, the reading mode, and whether the first jump has been carried out
 * (the text is where it should be). Styles, the pane and the browser tests read them.
 */
export function viewAttributes(
  sectionId: string | null,
  writingMode: string,
  readingMode: 'scroll' | 'paged',
  ready: boolean,
): Record<string, string | undefined> {
  return {
    'data-section-id': sectionId ?? undefined,
    'data-writing-mode': writingMode,
    'data-reading-mode': readingMode,
    'data-ready': ready ? '' : undefined,
  };
}

// What the reading pane does with the text whichever view draws it (continuous or paged):
// follow the selection (the colour bar), add the source line on copy, open a note when
// its highlight or marker is clicked. The views attach these to their article.
import type { Attachment } from 'svelte/attachments';

export interface TextHandlers {
  copy: (e: ClipboardEvent) => void;
  click: (e: MouseEvent) => void;
  selection: Attachment<HTMLElement>;
}

// The passage the note editor is open on: marked in the text with a CSS custom highlight
// (`::highlight(note-passage)` in app.css, so the text's DOM is untouched) and kept in
// the part of the reading pane the editor leaves visible — the sheet narrows the column
// beside it, and on narrow windows it covers the lower part of the pane.
import { revealDelta } from '../reading/reveal';
import { unionRect } from '../reading/selection-anchor';

/** The name of the CSS custom highlight that marks the passage being annotated. */
const PASSAGE_HIGHLIGHT = 'note-passage';

/** Marks `range` as the passage being annotated (none: the mark goes). */
export function markPassage(range: Range | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (range) CSS.highlights.set(PASSAGE_HIGHLIGHT, new Highlight(range));
  else CSS.highlights.delete(PASSAGE_HIGHLIGHT);
}

/** The nearest ancestor that scrolls. */
function scrollParent(node: Node): HTMLElement | null {
  for (let el = node.parentElement; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (/(auto|scroll)/.test(style.overflowY + style.overflowX)) return el;
  }
  return null;
}

/**
 * Brings the passage into the part of its scrolling pane left visible: all of it, or
 * what is above `cover` (a bottom sheet, on narrow windows).
 */
export function revealPassage(range: Range, cover: DOMRect | null, vertical: boolean): void {
  const box = scrollParent(range.commonAncestorContainer);
  const target = unionRect([...range.getClientRects()]);
  if (!box || !target) return;
  const view = box.getBoundingClientRect();
  // A DOMRect's sides are getters: spelled out, as spreading it would copy none of them.
  const visible = {
    left: view.left,
    top: view.top,
    right: view.right,
    bottom: cover ? Math.min(view.bottom, cover.top) : view.bottom,
  };
  const delta = revealDelta(visible, target, vertical);
  if (delta.left !== 0 || delta.top !== 0) box.scrollBy(delta);
}

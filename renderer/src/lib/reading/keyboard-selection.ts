// Selecting text with the keyboard alone. The text is not editable and Electron has
// no caret browsing, so Shift+arrows would only scroll: here they extend the selection
// instead (Selection.modify), along the lines as the reader reads them — in vertical
// writing ↓/↑ move along a column and ←/→ to the next/previous column. With nothing
// selected, the selection starts at the beginning of the first paragraph in view.
// Ctrl (⌥ on macOS) moves by word, Shift+Home/End to the ends of the line. Esc drops
// the selection. The end being extended is kept in view.
//
// The app's own key handler (on window, bubbling) pages the text on arrow keys; this
// one listens on window in the capture phase, so a Shift+arrow it takes never reaches
// that handler.
import { paragraphInView } from './annotate';
import { revealDelta } from './reveal';

export type Granularity = 'character' | 'word' | 'line' | 'lineboundary';

export interface SelectionMove {
  direction: 'forward' | 'backward';
  granularity: Granularity;
}

export interface SelectKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** The move a key asks of the selection, or null when it is not a selection key. */
export function selectionMove(e: SelectKey, vertical: boolean, mac = false): SelectionMove | null {
  if (!e.shiftKey) return null;
  const byWord = mac ? e.altKey && !e.ctrlKey && !e.metaKey : e.ctrlKey && !e.altKey && !e.metaKey;
  const plain = !e.ctrlKey && !e.altKey && !e.metaKey;
  if (!plain && !byWord) return null;
  const along = byWord ? 'word' : 'character';
  const forward = (granularity: Granularity): SelectionMove => ({
    direction: 'forward',
    granularity,
  });
  const backward = (granularity: Granularity): SelectionMove => ({
    direction: 'backward',
    granularity,
  });
  switch (e.key) {
    case 'ArrowRight':
      return vertical ? backward('line') : forward(along);
    case 'ArrowLeft':
      return vertical ? forward('line') : backward(along);
    case 'ArrowDown':
      return vertical ? forward(along) : forward('line');
    case 'ArrowUp':
      return vertical ? backward(along) : backward('line');
    case 'Home':
      return plain ? backward('lineboundary') : null;
    case 'End':
      return plain ? forward('lineboundary') : null;
    default:
      return null;
  }
}

const PARAGRAPH = 'p[data-paragraph-id]';

function isEditable(el: Element | null): boolean {
  return (
    !!el &&
    ((el as HTMLElement).isContentEditable ||
      el instanceof HTMLInputElement ||
      el instanceof HTMLTextAreaElement ||
      el instanceof HTMLSelectElement)
  );
}

/** Whether the selection is a non-empty one inside `root`. */
export function hasSelectionIn(root: Element, sel: Selection | null): sel is Selection {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return false;
  return root.contains(sel.getRangeAt(0).commonAncestorContainer);
}

/** A caret at the start of the first paragraph in view (none when there are none). */
function caretAtParagraphInView(scroller: HTMLElement, sel: Selection, vertical: boolean): boolean {
  const id = paragraphInView(scroller, vertical);
  const p = id
    ? scroller.querySelector(`${PARAGRAPH}[data-paragraph-id="${CSS.escape(id)}"]`)
    : null;
  if (!p) return false;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const first = walker.nextNode();
  if (!first) return false;
  sel.collapse(first, 0);
  return true;
}

/** The client rect of the selection's moving end. */
function focusRect(sel: Selection): DOMRect | null {
  if (!sel.focusNode) return null;
  const r = document.createRange();
  r.setStart(sel.focusNode, sel.focusOffset);
  r.collapse(true);
  const rects = r.getClientRects();
  if (rects.length > 0) return rects[0]!;
  const el = sel.focusNode instanceof Element ? sel.focusNode : sel.focusNode.parentElement;
  return el?.getBoundingClientRect() ?? null;
}

/**
 * Keyboard selection in a reading scroller (an attachment:
 * `{@attach keyboardSelection(() => vertical)}` on the scrolling box).
 */
export function keyboardSelection(vertical: () => boolean): (scroller: HTMLElement) => () => void {
  return (scroller) => {
    const mac = /Mac/.test(navigator.platform);
    const onKeydown = (e: KeyboardEvent) => {
      if (e.isComposing || e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      if (isEditable(target) || target?.closest('[data-own-keys], dialog, [role="dialog"]')) return;
      const sel = document.getSelection();
      if (!sel) return;
      if (e.key === 'Escape' && !e.shiftKey && hasSelectionIn(scroller, sel)) {
        sel.collapseToStart();
        return;
      }
      const move = selectionMove(e, vertical(), mac);
      if (!move) return;
      const inside =
        sel.rangeCount > 0 && scroller.contains(sel.getRangeAt(0).commonAncestorContainer);
      if (!inside && !caretAtParagraphInView(scroller, sel, vertical())) return;
      e.preventDefault();
      e.stopPropagation();
      sel.modify('extend', move.direction, move.granularity);
      const rect = focusRect(sel);
      if (rect) {
        const delta = revealDelta(scroller.getBoundingClientRect(), rect, vertical());
        if (delta.left !== 0 || delta.top !== 0) scroller.scrollBy(delta);
      }
    };
    window.addEventListener('keydown', onKeydown, true);
    return () => window.removeEventListener('keydown', onKeydown, true);
  };
}

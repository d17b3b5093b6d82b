// Bringing a passage of the text into view and flashing it, when a link leads to words
// rather than to a note (the definition of a glossary term): the words are found by
// their offsets in the paragraph's display text (or the heading's), centred in the
// reading pane along its scrolling axis, and marked for a moment with a CSS custom
// highlight (`::highlight(passage-flash)` in app.css) — so the text's DOM is untouched.
// With reduced motion the jump is instant and the mark steady.
import { passageRange } from '../text/selection';
import { FLASH_MS } from './placement';
import { unionRect, type Rect } from './selection-anchor';
import { throughClosingBracket } from './terms';

export const FLASH_HIGHLIGHT = 'passage-flash';
/** Blinks of the flash (on, off, on…) within FLASH_MS. */
const BLINKS = 4;

/** The scroll that puts the centre of `target` at the centre of `view` along the reading axis. */
export function centreDelta(
  view: Rect,
  target: Rect,
  vertical: boolean,
): { left: number; top: number } {
  if (vertical)
    return { left: (target.left + target.right) / 2 - (view.left + view.right) / 2, top: 0 };
  return { left: 0, top: (target.top + target.bottom) / 2 - (view.top + view.bottom) / 2 };
}

/** The heading's range from `start` to `end` (offsets into its text). */
function headingRange(box: ParentNode, start: number, end: number): Range | null {
  const heading = box.querySelector('#section-title');
  if (!heading) return null;
  const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let begun = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!begun && start <= seen + n.length) {
      range.setStart(n, start - seen);
      begun = true;
    }
    if (begun && end <= seen + n.length) {
      range.setEnd(n, end - seen);
      return range;
    }
    seen += n.length;
  }
  return null;
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

function flash(range: Range, reducedMotion: boolean): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  clearTimeout(flashTimer);
  const highlight = new Highlight(range);
  let step = 0;
  const tick = () => {
    if (step >= BLINKS || (reducedMotion && step > 0)) {
      CSS.highlights.delete(FLASH_HIGHLIGHT);
      return;
    }
    if (step % 2 === 0) CSS.highlights.set(FLASH_HIGHLIGHT, highlight);
    else CSS.highlights.delete(FLASH_HIGHLIGHT);
    step++;
    flashTimer = setTimeout(tick, reducedMotion ? FLASH_MS : FLASH_MS / BLINKS);
  };
  tick();
}

/**
 * Centres and flashes the words [start, end) of a paragraph (or of the heading, for
 * `paragraphId` null) in `box`; false when they are not drawn there.
 */
export function revealPassage(
  box: HTMLElement,
  passage: { paragraphId: string | null; start: number; end: number },
  vertical: boolean,
  reducedMotion: boolean,
): boolean {
  let range: Range | null;
  if (passage.paragraphId === null) {
    const text = box.querySelector('#section-title')?.textContent ?? '';
    range = headingRange(box, passage.start, throughClosingBracket(text, passage.end));
  } else {
    const p = box.querySelector(`p[data-paragraph-id="${CSS.escape(passage.paragraphId)}"]`);
    const end = throughClosingBracket(p?.textContent ?? '', passage.end);
    range = passageRange(box, {
      startParagraphId: passage.paragraphId,
      startOffset: passage.start,
      endParagraphId: passage.paragraphId,
      endOffset: end,
    });
  }
  const target = range ? unionRect([...range.getClientRects()]) : null;
  if (!range || !target) return false;
  const delta = centreDelta(box.getBoundingClientRect(), target, vertical);
  box.scrollBy({ ...delta, behavior: reducedMotion ? 'auto' : 'smooth' });
  flash(range, reducedMotion);
  return true;
}

// Words of the text a link leads to rather than a note (the definition of a glossary
// term): found by their offsets in the paragraph's display text (or the heading's),
// and marked for a moment with a CSS custom highlight (`::highlight(passage-flash)` in
// app.css) — so the text's DOM is untouched. The view brings the range into view (the
// continuous view centres it, the paged view turns to its page); with reduced motion
// the mark is steady.
import { passageRange } from '../text/selection';
import { FLASH_MS } from './placement';
import { throughClosingBracket } from './terms';

export const FLASH_HIGHLIGHT = 'passage-flash';
/** Blinks of the flash (on, off, on…) within FLASH_MS. */
const BLINKS = 4;

/** Words of a section: a paragraph's (or the heading's, for `paragraphId` null) [start, end). */
export interface PassageWords {
  paragraphId: string | null;
  start: number;
  end: number;
}

/** The range from `start` to `end` (offsets into the text of `el`). */
function rangeIn(el: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
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

/**
 * The DOM range of words of section `sectionId` drawn under `root` (through a closing
 * bracket that follows them: 「…（IPEF）」), or null when they are not drawn there.
 */
export function passageWordsRange(
  root: ParentNode,
  sectionId: string,
  words: PassageWords,
): Range | null {
  if (words.paragraphId === null) {
    const heading = root.querySelector(`[data-heading-for="${CSS.escape(sectionId)}"]`);
    if (!heading) return null;
    // The marker of an editorial heading follows the title: the offsets are the title's.
    const text = heading.textContent ?? '';
    return rangeIn(heading, words.start, throughClosingBracket(text, words.end));
  }
  const p = root.querySelector(`p[data-paragraph-id="${CSS.escape(words.paragraphId)}"]`);
  if (!p) return null;
  return passageRange(root, {
    startParagraphId: words.paragraphId,
    startOffset: words.start,
    endParagraphId: words.paragraphId,
    endOffset: throughClosingBracket(p.textContent ?? '', words.end),
  });
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Flashes `range` (steady, then gone, with reduced motion). */
export function flashRange(range: Range, reducedMotion: boolean): void {
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

import { describe, expect, it } from 'vitest';
import { sectionView } from '../testing/fixtures';
import {
  clickedAnnotation,
  paragraphInView,
  paragraphTarget,
  selectionTarget,
  type ParagraphElement,
  type ReadingScroller,
} from './annotate';

const rect = (top: number, bottom: number, left: number, right: number) => ({
  top,
  bottom,
  left,
  right,
});

function scroller(
  box: ReturnType<typeof rect>,
  paragraphs: [string, ReturnType<typeof rect>][],
): ReadingScroller {
  const elements: ParagraphElement[] = paragraphs.map(([id, r]) => ({
    dataset: { paragraphId: id },
    getBoundingClientRect: () => r,
  }));
  return { getBoundingClientRect: () => box, querySelectorAll: () => elements };
}

describe('the paragraph in view (key M)', () => {
  it('takes the first paragraph reaching into the view in horizontal writing', () => {
    const s = scroller(rect(100, 700, 0, 800), [
      ['p1', rect(-400, 90, 0, 800)],
      ['p2', rect(90, 300, 0, 800)],
      ['p3', rect(300, 900, 0, 800)],
    ]);
    expect(paragraphInView(s, false)).toBe('p2');
  });

  it('takes the rightmost column in view in vertical writing', () => {
    const s = scroller(rect(0, 600, 100, 900), [
      ['p1', rect(0, 600, 950, 1400)],
      ['p2', rect(0, 600, 500, 901)],
      ['p3', rect(0, 600, 0, 500)],
    ]);
    expect(paragraphInView(s, true)).toBe('p2');
  });

  it('falls back to the first paragraph, or none', () => {
    const s = scroller(rect(0, 100, 0, 100), [['p1', rect(500, 600, 0, 100)]]);
    expect(paragraphInView(s, false)).toBe('p1');
    expect(paragraphInView(scroller(rect(0, 100, 0, 100), []), false)).toBeUndefined();
  });
});

describe('what the editor opens on', () => {
  const section = sectionView();

  it('a whole paragraph, quoted', () => {
    expect(paragraphTarget(section, 'us-1-p2')).toEqual({
      kind: 'new',
      range: {
        startParagraphId: 'us-1-p2',
        startOffset: 0,
        endParagraphId: 'us-1-p2',
        endOffset: 21,
      },
      quote: '半導体の国内生産を支援する法律が成立した。',
    });
  });

  it('the whole section when there is no such paragraph', () => {
    expect(paragraphTarget(sectionView({ paragraphs: [] }), undefined)).toEqual({
      kind: 'section',
      sectionId: 'us-1',
    });
  });

  it('a selected passage, with its text as the quote', () => {
    const sel = {
      startParagraphId: 'us-1-p1',
      startOffset: 2,
      endParagraphId: 'us-1-p2',
      endOffset: 3,
      text: '経済は堅調に推移した。\n半導体',
    };
    expect(selectionTarget(sel)).toEqual({
      kind: 'new',
      range: {
        startParagraphId: 'us-1-p1',
        startOffset: 2,
        endParagraphId: 'us-1-p2',
        endOffset: 3,
      },
      quote: sel.text,
    });
  });
});

describe('a click on the text', () => {
  const inHighlight = {
    closest: (s: string) => (s === '[data-annotation-id]' ? { getAttribute: () => 'a-7' } : null),
  } as unknown as EventTarget;
  const elsewhere = { closest: () => null } as unknown as EventTarget;

  it('opens the note of the highlight clicked', () => {
    expect(clickedAnnotation(inHighlight, true)).toBe('a-7');
  });

  it('opens the note of a marker clicked, even with a selection in the text', () => {
    const onMarker = {
      closest: (s: string) => (s === '[data-note-marker]' ? { getAttribute: () => 'a-8' } : null),
    } as unknown as EventTarget;
    expect(clickedAnnotation(onMarker, true)).toBe('a-8');
    expect(clickedAnnotation(onMarker, false)).toBe('a-8');
  });

  it('leaves a click on a glossary term inside a highlight to the term', () => {
    const onTerm = {
      closest: (s: string) =>
        s === '[data-term]' || s === '[data-annotation-id]' ? { getAttribute: () => 'a-7' } : null,
    } as unknown as EventTarget;
    expect(clickedAnnotation(onTerm, true)).toBeNull();
  });

  it('does nothing when it ended a selection, or hit no highlight', () => {
    expect(clickedAnnotation(inHighlight, false)).toBeNull();
    expect(clickedAnnotation(elsewhere, true)).toBeNull();
    expect(clickedAnnotation(null, true)).toBeNull();
  });
});

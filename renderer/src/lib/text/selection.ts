// Turns the browser's selection in the reading pane into what the contract stores:
// paragraph ids and UTF-16 offsets into each paragraph's display text. The pane
// renders exactly the display text (marks and 縦中横 spans add no characters), so
// the length of the text between a paragraph's start and a DOM point is the offset.
// A selection that starts in the heading or ends in the list of subsections is
// clipped to the paragraphs it covers.

export interface ParagraphSelection {
  startParagraphId: string;
  startOffset: number;
  endParagraphId: string;
  endOffset: number;
  text: string;
}

const PARAGRAPH = 'p[data-paragraph-id]';

function offsetIn(paragraph: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(paragraph);
  range.setEnd(node, offset);
  return range.toString().length;
}

function paragraphOf(node: Node): Element | null {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest(PARAGRAPH) ?? null;
}

/** The selection as paragraph offsets, or null when it covers no paragraph text. */
export function paragraphSelection(
  article: Element,
  selection: Selection | null,
): ParagraphSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!article.contains(range.commonAncestorContainer)) return null;
  const paragraphs = [...article.querySelectorAll(PARAGRAPH)];
  const inRange = paragraphs.filter((p) => range.intersectsNode(p));
  if (inRange.length === 0) return null;

  const first = inRange[0]!;
  const last = inRange[inRange.length - 1]!;
  const startPara = paragraphOf(range.startContainer);
  const endPara = paragraphOf(range.endContainer);
  const startOffset =
    startPara === first ? offsetIn(first, range.startContainer, range.startOffset) : 0;
  const endOffset =
    endPara === last
      ? offsetIn(last, range.endContainer, range.endOffset)
      : (last.textContent ?? '').length;
  if (first === last && endOffset <= startOffset) return null;
  return {
    startParagraphId: first.getAttribute('data-paragraph-id')!,
    startOffset,
    endParagraphId: last.getAttribute('data-paragraph-id')!,
    endOffset,
    text: range.toString(),
  };
}

/**
 * Keeps `onChange` told of the passage selected in an article (an attachment:
 * `{@attach trackSelection(…)}`): on every selection change in its document, and null
 * once the article is gone.
 */
export function trackSelection(
  onChange: (selection: ParagraphSelection | null) => void,
): (article: Element) => () => void {
  return (article) => {
    const doc = article.ownerDocument;
    const update = () => onChange(paragraphSelection(article, doc.getSelection()));
    doc.addEventListener('selectionchange', update);
    return () => {
      doc.removeEventListener('selectionchange', update);
      onChange(null);
    };
  };
}

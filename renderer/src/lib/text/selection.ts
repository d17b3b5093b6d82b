// Turns the browser's selection in the reading pane into what the contract stores:
// paragraph ids and UTF-16 offsets into each paragraph's display text. The pane
// renders exactly the display text (marks and 縦中横 spans add no characters), so
// the length of the text between a paragraph's start and a DOM point is the offset.
// A selection that starts in the heading or ends in the list of subsections is
// clipped to the paragraphs it covers. Its text keeps the paragraph breaks (one "\n"
// between paragraphs, as the core joins a section's text): Range.toString() would run
// two paragraphs together.

export interface ParagraphSelection {
  startParagraphId: string;
  startOffset: number;
  endParagraphId: string;
  endOffset: number;
  text: string;
}

const PARAGRAPH = 'p[data-paragraph-id]';

/**
 * The text of a passage over `paragraphs` (their display texts, in order), from
 * `startOffset` in the first to `endOffset` in the last, one "\n" between paragraphs.
 */
export function passageText(
  paragraphs: readonly string[],
  startOffset: number,
  endOffset: number,
): string {
  const last = paragraphs.length - 1;
  return paragraphs
    .map((text, i) => text.slice(i === 0 ? startOffset : 0, i === last ? endOffset : text.length))
    .join('\n');
}

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
    text: passageText(
      inRange.map((p) => p.textContent ?? ''),
      startOffset,
      endOffset,
    ),
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

/** The drawn paragraph with this id under `root`, if any. */
export function paragraphElement(root: ParentNode, paragraphId: string): Element | null {
  return root.querySelector(`${PARAGRAPH}[data-paragraph-id="${CSS.escape(paragraphId)}"]`);
}

/** Where a UTF-16 offset into a paragraph's display text falls in its text nodes. */
export function pointInParagraph(p: Element, offset: number): [Node, number] {
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (offset <= seen + n.length) return [n, offset - seen];
    seen += n.length;
    last = n;
  }
  return last ? [last, last.length] : [p, 0];
}

function pointIn(root: ParentNode, paragraphId: string, offset: number): [Node, number] | null {
  const p = paragraphElement(root, paragraphId);
  return p ? pointInParagraph(p, offset) : null;
}

/**
 * The DOM range of a passage stored as paragraph offsets (the inverse of
 * `paragraphSelection`), or null when its paragraphs are not drawn under `root`.
 */
export function passageRange(
  root: ParentNode,
  passage: Omit<ParagraphSelection, 'text'>,
): Range | null {
  const start = pointIn(root, passage.startParagraphId, passage.startOffset);
  const end = pointIn(root, passage.endParagraphId, passage.endOffset);
  if (!start || !end) return null;
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

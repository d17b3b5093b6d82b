// Rules 2 and 5 together: groups the decoded lines into blocks — headings and
// paragraphs — each with its display text, in source order. A line that neither
// opens a paragraph nor a heading continues the current paragraph (also across blank
// lines); if a heading stands in between, it starts a *fragment*: a paragraph that
// did not open with U+3000. The seed has one (line 237, the second half of a
// paragraph split by the misplaced 3．/4．); curation rejoins it. Nothing is dropped.
import type { SectionKind } from '../../common/api/types';
import { isBlankLine } from './chars';
import { displayText } from './display';
import { fidelityViolation } from './fidelity';
import { continuesHeading, headingKind } from './headings';
import { isParagraphStart, stripParagraphIndent } from './paragraphs';
import { ContentBuildError } from './errors';

export interface SourceBlock {
  type: 'heading' | 'paragraph';
  /** Heading kind (type 'heading' only). */
  kind: SectionKind | null;
  /** Source lines (1-based, inclusive), for messages and provenance. */
  firstLine: number;
  lastLine: number;
  /** The block's lines as in the source, minus a paragraph's layout indent. */
  lines: string[];
  /** Display text after rules 3 and 4. */
  text: string;
  /** A paragraph that did not open with U+3000 (continues text cut off by a heading). */
  fragment: boolean;
}

function finish(block: Omit<SourceBlock, 'text'>, name: string): SourceBlock {
  const text = displayText(block.lines);
  const violation = fidelityViolation(block.lines, text);
  if (violation) throw new ContentBuildError(`${name}:${block.firstLine}: ${violation}`);
  if (text.length === 0)
    throw new ContentBuildError(`${name}:${block.firstLine}: empty ${block.type}`);
  return { ...block, text };
}

/** Splits decoded source text into blocks. `name` is the file name shown in errors. */
export function segmentSource(text: string, name: string): SourceBlock[] {
  const drafts: Omit<SourceBlock, 'text'>[] = [];
  let current: Omit<SourceBlock, 'text'> | null = null;
  let headingOpen = false;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (isBlankLine(line)) {
      headingOpen = false; // a heading never wraps across a blank line; a paragraph does
      return;
    }
    const kind = headingKind(line);
    if (isParagraphStart(line) || kind !== null) {
      current = {
        type: kind ? 'heading' : 'paragraph',
        kind,
        firstLine: lineNo,
        lastLine: lineNo,
        lines: [kind ? line : stripParagraphIndent(line)],
        fragment: false,
      };
      drafts.push(current);
      headingOpen = kind !== null;
      return;
    }
    if (current && current.type === 'heading' && headingOpen && continuesHeading(line)) {
      current.lines.push(line);
      current.lastLine = lineNo;
      return;
    }
    if (current && current.type === 'paragraph') {
      current.lines.push(line);
      current.lastLine = lineNo;
      return;
    }
    current = {
      type: 'paragraph',
      kind: null,
      firstLine: lineNo,
      lastLine: lineNo,
      lines: [line],
      fragment: true,
    };
    drafts.push(current);
    headingOpen = false;
  });
  return drafts.map((draft) => finish(draft, name));
}

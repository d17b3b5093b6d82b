// From an adapter's blocks to what the content database stores: the bundled
// chapter's cleaning rules applied to every block (ingest/display.ts: lines joined
// inside sentences, spaced characters closed up, U+FFFD resolved — never a word
// changed, which ingest/fidelity.ts checks here too), the outline built from the
// heading levels, stable ids, page markers and paragraph roles.
//
// Ids follow the outline: top-level sections s1, s2 …, their children s1-1, s1-2 …,
// paragraphs <section>.p<N>. Text before the first heading goes into a section s0
// titled with the document's title in ［］ (editorial: the file has no such heading).
import type { SectionKind } from '../../common/api/types';
import { editorialTitle, type CuratedParagraph, type CuratedSection } from '../ingest/curation';
import { displayText } from '../ingest/display';
import { fidelityKey, fidelityViolation } from '../ingest/fidelity';
import { ImportError } from './errors';
import type { ImportBlock } from './types';

export interface PageMarker {
  paragraphId: string;
  /** UTF-16 offset into the paragraph's display text where the page begins. */
  offset: number;
  /** Physical page, 1-based. */
  pageIndex: number;
  /** What is printed on the page ("12", "iv"), or the physical number. */
  label: string;
}

export interface ParagraphRole {
  paragraphId: string;
  role: 'footnote' | 'caption';
}

export interface StructuredContent {
  sections: CuratedSection[];
  paragraphs: CuratedParagraph[];
  pageMarkers: PageMarker[];
  roles: ParagraphRole[];
}

/** Outline depth → the SectionKind the reader styles it with. */
export function kindOfDepth(depth: number): SectionKind {
  return depth <= 1 ? 'chapter' : depth === 2 ? 'part' : 'topic';
}

/**
 * Where, in a display text, the source's first `keyLength` significant characters end
 * (significant: what fidelityKey keeps). Display text differs from the source only by
 * ASCII spaces and U+FFFD, so counting significant characters maps exactly.
 */
export function displayOffsetOfKey(display: string, keyLength: number): number {
  if (keyLength <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < display.length; i++) {
    if (!/[ \t\n\uFFFD]/.test(display[i] as string)) seen++;
    if (seen === keyLength) {
      let end = i + 1;
      while (display[end] === ' ') end++; // a page never begins with a space
      return end;
    }
  }
  return display.length;
}

function cleanText(block: ImportBlock, name: string, index: number): string {
  const text = displayText(block.lines);
  const violation = fidelityViolation(block.lines, text);
  if (violation) throw new ImportError('damaged', `${name}: block ${index + 1}: ${violation}`);
  return text;
}

export interface StructureOptions {
  /** The document's title (for the section that holds text before the first heading). */
  title: string;
  /** The file's name, for messages. */
  name: string;
  /** Printed page labels by physical page (index 0 = page 1). */
  pageLabels: string[] | null;
}

export function structureBlocks(
  blocks: readonly ImportBlock[],
  options: StructureOptions,
): StructuredContent {
  const sections: CuratedSection[] = [];
  const paragraphs: CuratedParagraph[] = [];
  const pageMarkers: PageMarker[] = [];
  const roles: ParagraphRole[] = [];
  /** Open sections with the source level that opened them. */
  const stack: { section: CuratedSection; sourceLevel: number }[] = [];
  const childCount = new Map<string | null, number>();
  const paragraphCount = new Map<string, number>();
  const labelOf = (page: number) => options.pageLabels?.[page - 1] ?? String(page);

  const openSection = (
    title: string,
    sourceLevel: number,
    line: number | null,
    editorial: boolean,
  ) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.sourceLevel ?? 0) >= sourceLevel)
      stack.pop();
    const parent = stack[stack.length - 1]?.section ?? null;
    const parentKey = parent?.id ?? null;
    const n = (childCount.get(parentKey) ?? 0) + 1;
    childCount.set(parentKey, n);
    const depth = stack.length + 1;
    const section: CuratedSection = {
      id: parent ? `${parent.id}-${n}` : editorial ? 's0' : `s${n}`,
      parentId: parent?.id ?? null,
      level: depth,
      ordinal: sections.length,
      kind: kindOfDepth(depth),
      title,
      editorial,
      sourceLine: line,
    };
    if (editorial) childCount.set(null, n - 1); // s0 does not take a number from s1, s2 …
    sections.push(section);
    stack.push({ section, sourceLevel });
    return section;
  };

  blocks.forEach((block, index) => {
    const text = cleanText(block, options.name, index);
    if (text.length === 0) return;
    const line = index + 1;
    if (block.role === 'heading') {
      openSection(text, Math.max(1, block.level), line, false);
      return;
    }
    const section =
      stack[stack.length - 1]?.section ??
      // Any heading closes it: its source level is below every real one.
      openSection(editorialTitle(options.title), Number.MAX_SAFE_INTEGER, null, true);
    const ordinal = (paragraphCount.get(section.id) ?? 0) + 1;
    paragraphCount.set(section.id, ordinal);
    const id = `${section.id}.p${ordinal}`;
    paragraphs.push({ id, sectionId: section.id, ordinal, text, firstLine: line, lastLine: line });
    if (block.role === 'footnote' || block.role === 'caption')
      roles.push({ paragraphId: id, role: block.role });
    if (block.pages && block.pages.length === block.lines.length) {
      let keyLength = 0;
      let lastOffset = -1;
      block.lines.forEach((lineText, i) => {
        const page = block.pages?.[i] as number;
        if (i === 0 || page !== block.pages?.[i - 1]) {
          const offset = i === 0 ? 0 : displayOffsetOfKey(text, keyLength);
          if (offset > lastOffset && offset < text.length) {
            pageMarkers.push({ paragraphId: id, offset, pageIndex: page, label: labelOf(page) });
            lastOffset = offset;
          }
        }
        keyLength += fidelityKey(lineText).length;
      });
    }
  });
  return { sections, paragraphs, pageMarkers, roles };
}

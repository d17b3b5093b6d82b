// Rule 6 (curation): what the text cannot tell — section ids, titles the extraction
// garbled, headings it misplaced or lost, a paragraph it split — comes from a reviewed
// data file in data/curation/, never from code. Every entry anchors to the text by a
// quote, matched against the display text of the blocks (after rules 1–5); a quote
// that matches nothing, or more than once, fails the build with a message naming the
// entry. Nothing is dropped silently: every heading of the source needs an id here,
// and every paragraph ends up in a section.
// The namespace import lets bundlers keep only the parts of zod in use.
import * as z from 'zod';
import type { SectionKind } from '../../common/api/types';
import { displayText } from './display';
import { ContentBuildError } from './errors';
import { once } from '../../common/once';
import { parseJsonInput } from './json-input';
import { fidelityViolation } from './fidelity';
import { glossaryCurationSchema, otherNamesCurationSchema } from '../glossary/curation';
import type { SourceBlock } from './segment';

/** Section ids: lower-case ASCII words joined by "-" (paragraph ids append ".pN"). */
export const SECTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The curation file's shape, built at the first content build (../../common/once.ts). */
export const curationSchema = once(() => {
  const sectionId = z.string().regex(SECTION_ID, 'section ids are lower-case words joined by "-"');
  const quote = z.string().min(2, 'a quote needs at least 2 characters');
  const note = z.string().optional();

  const curation = z.strictObject({
    $comment: z.string().optional(),
    document: z.string().min(1),
    /** One entry per heading of the source: its stable id, and a title when the source's is wrong. */
    sections: z.array(
      z.strictObject({ id: sectionId, quote, title: z.string().min(1).optional(), note }),
    ),
    /**
     * Headings the editors supply (shown in ［］, flagged editorial), inserted before
     * an anchor; `source`: where the wording comes from when it is not the editors'
     * own (e.g. the publisher's HTML edition), as an http(s) address.
     */
    editorialSections: z
      .array(
        z.strictObject({
          id: sectionId,
          kind: z.enum(['chapter', 'part', 'topic', 'dated']),
          title: z.string().min(1),
          before: quote,
          source: z.url({ protocol: /^https?$/ }).optional(),
          note,
        }),
      )
      .default([]),
    /** Headings the extraction misplaced: moved before an anchor (heading or paragraph). */
    moves: z.array(z.strictObject({ heading: quote, before: quote, note })).default([]),
    /** Paragraphs the extraction split: the block quoted is appended to the one `onto` quotes. */
    joins: z.array(z.strictObject({ quote, onto: quote, note })).default([]),
    /** Glossary definitions the rule misses and editorial expansions (checked in ../glossary). */
    glossary: glossaryCurationSchema.default({ definitions: [], editorial: [] }),
    /** Other names readers search for (表記ゆれ), checked in ../glossary. */
    otherNames: otherNamesCurationSchema.default([]),
  });
  return curation;
});
export type Curation = z.infer<ReturnType<typeof curationSchema>>;

/** Parses and validates a curation file's text. `name` is the file name shown in errors. */
export function parseCuration(text: string, name: string): Curation {
  const curation = parseJsonInput(text, name, curationSchema(), 'curation');
  const ids = [...curation.sections, ...curation.editorialSections].map((s) => s.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new ContentBuildError(`${name}: section id "${duplicate}" is used twice`);
  return curation;
}

export interface CuratedSection {
  id: string;
  parentId: string | null;
  level: number;
  /** Position in reading order, from 0. */
  ordinal: number;
  kind: SectionKind;
  title: string;
  editorial: boolean;
  /** First source line of the heading (null for editorial headings). */
  sourceLine: number | null;
}

export interface CuratedParagraph {
  /** `<sectionId>.p<N>`, N from 1 in reading order within the section. */
  id: string;
  sectionId: string;
  ordinal: number;
  text: string;
  firstLine: number;
  lastLine: number;
}

export interface CuratedContent {
  sections: CuratedSection[];
  paragraphs: CuratedParagraph[];
  /** Things a reviewer should look at (e.g. a fragment no join entry claims). */
  warnings: string[];
}

/** How deep each kind sits: a heading closes every open heading of its rank or below. */
const RANK: Record<SectionKind, number> = { chapter: 1, part: 2, topic: 3, dated: 3 };

/** Editorial headings are shown in ［］ everywhere, so the brackets are part of the title. */
export function editorialTitle(title: string): string {
  return `［${title}］`;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) count++;
  return count;
}

type Item =
  | {
      type: 'heading';
      id: string;
      kind: SectionKind;
      title: string;
      editorial: boolean;
      line: number | null;
    }
  | { type: 'paragraph'; block: SourceBlock };

/** Applies the curation to the source blocks: the outline readers see. */
export function applyCuration(
  sourceBlocks: readonly SourceBlock[],
  curation: Curation,
  names: { source: string; curation: string },
): CuratedContent {
  const blocks = sourceBlocks.map((b) => ({ ...b, lines: [...b.lines] }));
  const fail = (message: string): never => {
    throw new ContentBuildError(`${names.curation}: ${message}`);
  };
  const find = (text: string, entry: string, type?: SourceBlock['type']): number => {
    const hits: number[] = [];
    let total = 0;
    blocks.forEach((block, index) => {
      const n = countOccurrences(block.text, text);
      if (n > 0) hits.push(index);
      total += n;
    });
    if (total === 0) fail(`${entry}: quote "${text}" matches nothing in ${names.source}`);
    if (total > 1) {
      const lines = hits.map((i) => blocks[i]?.firstLine).join(', ');
      fail(`${entry}: quote "${text}" matches ${total} times in ${names.source} (lines ${lines})`);
    }
    const index = hits[0] as number;
    if (type && blocks[index]?.type !== type)
      fail(`${entry}: quote "${text}" is in a ${blocks[index]?.type}, expected a ${type}`);
    return index;
  };

  // Section ids (and corrected titles) for every heading of the source.
  const headingIds = new Map<number, { id: string; title?: string }>();
  curation.sections.forEach((entry, i) => {
    const label = `sections[${i}] (${entry.id})`;
    const index = find(entry.quote, label, 'heading');
    const other = headingIds.get(index);
    if (other) fail(`${label}: heading already has the id "${other.id}"`);
    headingIds.set(index, { id: entry.id, title: entry.title });
  });
  blocks.forEach((block, index) => {
    if (block.type === 'heading' && !headingIds.has(index))
      fail(
        `heading "${block.text}" (${names.source}:${block.firstLine}) has no section id: add it to "sections"`,
      );
  });

  const removed = new Set<number>();
  const insertBefore = new Map<number, Item[]>();
  const headingItem = (index: number): Item => {
    const block = blocks[index] as SourceBlock;
    const ids = headingIds.get(index) as { id: string; title?: string };
    return {
      type: 'heading',
      id: ids.id,
      kind: block.kind as SectionKind,
      title: ids.title ?? block.text,
      editorial: false,
      line: block.firstLine,
    };
  };
  const queueBefore = (index: number, item: Item) => {
    insertBefore.set(index, [...(insertBefore.get(index) ?? []), item]);
  };

  curation.joins.forEach((entry, i) => {
    const label = `joins[${i}]`;
    const from = find(entry.quote, `${label}.quote`, 'paragraph');
    const onto = find(entry.onto, `${label}.onto`, 'paragraph');
    if (from === onto || removed.has(from) || removed.has(onto))
      fail(`${label}: cannot join a paragraph onto itself or one already joined`);
    const target = blocks[onto] as SourceBlock;
    const source = blocks[from] as SourceBlock;
    target.lines.push(...source.lines);
    target.lastLine = Math.max(target.lastLine, source.lastLine);
    target.text = displayText(target.lines);
    const violation = fidelityViolation(target.lines, target.text);
    if (violation) fail(`${label}: ${violation}`);
    removed.add(from);
  });

  curation.moves.forEach((entry, i) => {
    const label = `moves[${i}]`;
    const heading = find(entry.heading, `${label}.heading`, 'heading');
    const before = find(entry.before, `${label}.before`);
    if (heading === before || removed.has(heading) || removed.has(before))
      fail(`${label}: the heading or its anchor is already moved or joined`);
    removed.add(heading);
    queueBefore(before, headingItem(heading));
  });

  curation.editorialSections.forEach((entry, i) => {
    const label = `editorialSections[${i}] (${entry.id})`;
    const before = find(entry.before, `${label}.before`);
    if (removed.has(before)) fail(`${label}: its anchor is moved or joined`);
    queueBefore(before, {
      type: 'heading',
      id: entry.id,
      kind: entry.kind,
      title: editorialTitle(entry.title),
      editorial: true,
      line: null,
    });
  });

  const items: Item[] = [];
  blocks.forEach((block, index) => {
    items.push(...(insertBefore.get(index) ?? []));
    if (removed.has(index)) return;
    items.push(block.type === 'heading' ? headingItem(index) : { type: 'paragraph', block });
  });

  const sections: CuratedSection[] = [];
  const paragraphs: CuratedParagraph[] = [];
  const warnings: string[] = [];
  const stack: CuratedSection[] = [];
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.type === 'heading') {
      while (
        stack.length > 0 &&
        RANK[(stack[stack.length - 1] as CuratedSection).kind] >= RANK[item.kind]
      )
        stack.pop();
      const section: CuratedSection = {
        id: item.id,
        parentId: stack[stack.length - 1]?.id ?? null,
        level: stack.length + 1,
        ordinal: sections.length,
        kind: item.kind,
        title: item.title,
        editorial: item.editorial,
        sourceLine: item.line,
      };
      sections.push(section);
      stack.push(section);
      continue;
    }
    const section = stack[stack.length - 1];
    const block = item.block;
    if (!section)
      throw new ContentBuildError(
        `${names.source}:${block.firstLine}: paragraph before the first heading (add an editorial section in ${names.curation})`,
      );
    if (block.fragment)
      warnings.push(
        `${names.source}:${block.firstLine}: paragraph does not open with U+3000 and no join claims it; kept as its own paragraph`,
      );
    const ordinal = (counts.get(section.id) ?? 0) + 1;
    counts.set(section.id, ordinal);
    paragraphs.push({
      id: `${section.id}.p${ordinal}`,
      sectionId: section.id,
      ordinal,
      text: block.text,
      firstLine: block.firstLine,
      lastLine: block.lastLine,
    });
  }
  return { sections, paragraphs, warnings };
}

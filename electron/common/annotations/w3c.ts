// Export and import of the reader's notes as W3C Web Annotation JSON-LD
// (https://www.w3.org/TR/annotation-model/): one AnnotationCollection whose page
// holds every annotation and bookmark. Standard terms carry what other tools
// understand (TextQuoteSelector, TextPositionSelector, TextualBody with purpose
// commenting/tagging, motivation bookmarking); the rest (colour, anchor state,
// paragraph range, the group of a highlight across sections, a bookmark's
// paragraph and offset) is kept under the "hakusho:" prefix so that export →
// import is lossless. A position bookmark's target also carries the two selectors
// (the text from its position, and where that is in the section) for other tools.
// Import is strict about the file: one that is not exactly this shape (JSON, our
// @context, one of our items per entry, this document's notes) is refused as a
// whole with a clear error; what each item then means for the reader's notes is
// decided per item by the library. Format 1 files (before groups and positions)
// still import. The exported text escapes "<" so the file can be embedded in an
// HTML page (a "</script>" in a note ends nothing).
// The namespace import lets bundlers keep only the parts of zod in use.
import * as z from 'zod';
import type { DocumentInfo } from '../api/types';
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';
import { once } from '../once';
import { MAX_IMPORT_ITEMS } from '../rules/notes';
import { colorSchema } from './fields';
import {
  describeIssue,
  idSchema,
  isoTimeSchema,
  type AnnotationRecord,
  type BookmarkRecord,
} from './records';

export const W3C_FORMAT_VERSION = 2;
/** Formats import reads (1: no groups, no position bookmarks). */
const IMPORTABLE_FORMATS = [1, 2] as const;
const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { hakusho: 'urn:hakusho:vocab#' }];
/** Nesting deeper than this is refused before any schema work. */
export const MAX_IMPORT_DEPTH = 24;
export { MAX_IMPORT_ITEMS };
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

const sectionSource = (docId: string, sectionId: string): string =>
  `urn:hakusho:${docId}:section:${sectionId}`;

export interface ExportInput {
  document: Pick<
    DocumentInfo,
    'id' | 'title' | 'publisher' | 'edition' | 'attribution' | 'sourceSha256'
  >;
  annotations: AnnotationRecord[];
  /** With the selectors of a position bookmark in the current content (null: none). */
  bookmarks: (BookmarkRecord & { selectors?: BookmarkSelectors | null })[];
  generatedAt: string;
}

/** The selectors of a position bookmark: the text at it, and where that is in the section. */
export interface BookmarkSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

const selectorPair = (quote: Omit<TextQuoteSelector, 'type'>, start: number, end: number) => [
  { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  { type: 'TextPositionSelector', start, end },
];

function annotationItem(docId: string, a: AnnotationRecord): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (a.note.length > 0)
    body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const target: Record<string, unknown> = { source: sectionSource(docId, a.sectionId) };
  if (a.target) {
    target.selector = selectorPair(a.target.quote, a.target.position.start, a.target.position.end);
  }
  return {
    id: `urn:hakusho:annotation:${a.id}`,
    type: 'Annotation',
    motivation:
      a.kind === 'highlight' ? (a.note.length > 0 ? 'commenting' : 'highlighting') : 'commenting',
    created: a.createdAt,
    modified: a.updatedAt,
    body,
    target,
    'hakusho:kind': a.kind,
    'hakusho:section': a.sectionId,
    ...(a.groupId !== null ? { 'hakusho:group': a.groupId } : {}),
    'hakusho:color': a.color,
    'hakusho:anchor': a.anchor,
    ...(a.conflictOf ? { 'hakusho:conflictOf': a.conflictOf } : {}),
    ...(a.target
      ? {
          'hakusho:range': {
            paragraphIds: a.target.paragraphIds,
            startParagraphId: a.target.startParagraphId,
            startOffset: a.target.startOffset,
            endParagraphId: a.target.endParagraphId,
            endOffset: a.target.endOffset,
          },
        }
      : {}),
  };
}

function bookmarkItem(
  docId: string,
  b: BookmarkRecord & { selectors?: BookmarkSelectors | null },
): Record<string, unknown> {
  const target: Record<string, unknown> = { source: sectionSource(docId, b.sectionId) };
  if (b.selectors && b.paragraphId !== null) {
    const { quote, position } = b.selectors;
    target.selector = selectorPair(quote, position.start, position.end);
  }
  return {
    id: `urn:hakusho:bookmark:${b.id}`,
    type: 'Annotation',
    motivation: 'bookmarking',
    created: b.createdAt,
    modified: b.updatedAt,
    body:
      b.label.length > 0 ? [{ type: 'TextualBody', value: b.label, purpose: 'describing' }] : [],
    target,
    'hakusho:section': b.sectionId,
    ...(b.paragraphId !== null && b.offset !== null
      ? { 'hakusho:position': { paragraphId: b.paragraphId, offset: b.offset } }
      : {}),
  };
}

/** The JSON-LD document (pretty-printed, stable key order). */
export function exportW3c(input: ExportInput): string {
  const docId = input.document.id;
  const items = [
    ...input.annotations.map((a) => annotationItem(docId, a)),
    ...input.bookmarks.map((b) => bookmarkItem(docId, b)),
  ];
  const collection = {
    '@context': CONTEXT,
    id: `urn:hakusho:export:${input.generatedAt}`,
    type: 'AnnotationCollection',
    label: `${input.document.title} — notes (Hakusho Reader)`,
    generator: { type: 'Software', name: 'Hakusho Reader' },
    generated: input.generatedAt,
    'hakusho:format': W3C_FORMAT_VERSION,
    'hakusho:document': {
      id: input.document.id,
      title: input.document.title,
      publisher: input.document.publisher,
      edition: input.document.edition,
      sourceSha256: input.document.sourceSha256,
      attribution: input.document.attribution,
    },
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
  return `${embeddableJson(collection)}\n`;
}

/**
 * JSON safe to place inside an HTML <script> element: every "<" is written as the
 * JSON escape \u003c (so "</script>" and "<!--" cannot occur), and U+2028/U+2029 as
 * escapes too. JSON.parse reads it back unchanged.
 */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// ---- import ---------------------------------------------------------------

/** Refuses prototype-polluting keys and excessive nesting anywhere in the parsed JSON. */
export function checkJsonShape(value: unknown, depth = 0): void {
  if (depth > MAX_IMPORT_DEPTH)
    throw new ImportFormatError(`the file is nested deeper than ${MAX_IMPORT_DEPTH} levels`);
  if (Array.isArray(value)) {
    if (value.length > MAX_IMPORT_ITEMS)
      throw new ImportFormatError('the file holds too many items');
    for (const item of value) checkJsonShape(item, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key))
        throw new ImportFormatError(`the file contains a forbidden key "${key}"`);
      checkJsonShape((value as Record<string, unknown>)[key], depth + 1);
    }
  }
}

/** The shapes of an export file, built at the first import (../once.ts). */
const importSchemas = once(() => {
  const textualBody = z.strictObject({
    type: z.literal('TextualBody'),
    value: z.string(),
    format: z.literal('text/plain').optional(),
    purpose: z.enum(['commenting', 'tagging', 'describing']),
  });
  const quoteSelector = z.strictObject({
    type: z.literal('TextQuoteSelector'),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  });
  const positionSelector = z.strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  });
  const rangeSchema = z.strictObject({
    paragraphIds: z.array(idSchema),
    startParagraphId: idSchema,
    startOffset: z.number().int().min(0),
    endParagraphId: idSchema,
    endOffset: z.number().int().min(0),
  });

  /** What an annotation or a bookmark points at: the document, and the passage when known. */
  const targetSchema = z.strictObject({
    source: z.string().max(500),
    selector: z.tuple([quoteSelector, positionSelector]).optional(),
  });

  const annotationItemSchema = z.strictObject({
    id: z.string().regex(/^urn:hakusho:annotation:/),
    type: z.literal('Annotation'),
    motivation: z.enum(['highlighting', 'commenting']),
    created: isoTimeSchema(),
    modified: isoTimeSchema(),
    body: z.array(textualBody).max(100),
    target: targetSchema,
    'hakusho:kind': z.enum(['highlight', 'section-note']),
    'hakusho:section': idSchema,
    'hakusho:group': idSchema.optional(),
    'hakusho:color': colorSchema,
    'hakusho:anchor': z.enum(['anchored', 'orphan']),
    'hakusho:range': rangeSchema.optional(),
    'hakusho:conflictOf': z.string().max(500).optional(),
  });

  const bookmarkItemSchema = z.strictObject({
    id: z.string().regex(/^urn:hakusho:bookmark:/),
    type: z.literal('Annotation'),
    motivation: z.literal('bookmarking'),
    created: isoTimeSchema(),
    modified: isoTimeSchema(),
    body: z.array(textualBody).max(1),
    target: targetSchema,
    'hakusho:section': idSchema,
    'hakusho:position': z
      .strictObject({ paragraphId: idSchema, offset: z.number().int().min(0) })
      .optional(),
  });

  const collectionSchema = z.strictObject({
    '@context': z.unknown(),
    id: z.string().max(500),
    type: z.literal('AnnotationCollection'),
    label: z.string().max(1000),
    generator: z.unknown(),
    generated: isoTimeSchema(),
    'hakusho:format': z.union(IMPORTABLE_FORMATS.map((v) => z.literal(v))),
    'hakusho:document': z.unknown(),
    total: z.number().int().min(0),
    first: z.strictObject({
      type: z.literal('AnnotationPage'),
      items: z.array(z.unknown()).max(MAX_IMPORT_ITEMS),
    }),
  });
  const documentSchema = z.looseObject({
    id: z.string().min(1).max(500),
    sourceSha256: z.string().max(200).optional(),
  });
  return { annotationItemSchema, bookmarkItemSchema, collectionSchema, documentSchema };
});

/** One item of an import file, in our vocabulary, still to be checked against the reader's rules. */
export interface ParsedItem {
  /** 1-based position in the file. */
  index: number;
  kind: 'annotation' | 'bookmark';
  /** The item's own id (without the urn prefix). */
  id: string;
  /** The document and section its target names (`urn:hakusho:<doc>:section:<id>`). */
  source: { documentId: string; sectionId: string } | null;
  /** The record the item describes (an AnnotationRecord or BookmarkRecord shape, unchecked). */
  record: Record<string, unknown>;
}

export interface ParsedImport {
  items: ParsedItem[];
  /** The document the file's notes are on, as the file says. */
  document: { id: string; sourceSha256: string | null };
}

const SOURCE = /^urn:hakusho:(.+):section:([^:]+)$/;

function parseSource(source: string): { documentId: string; sectionId: string } | null {
  const m = SOURCE.exec(source);
  return m ? { documentId: m[1] as string, sectionId: m[2] as string } : null;
}

/** Deep equality of plain JSON values. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Parses our JSON-LD into items (each still to be checked against the reader's
 * rules when imported). Throws ImportFormatError naming the first problem (and the
 * item) when the file as a whole is not one of our exports: not JSON, nested too
 * deep, another @context, an item not in our vocabulary, or notes on another
 * document than `expectedDocumentId` (when given).
 */
export function parseW3c(body: string, expectedDocumentId?: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
    throw new ImportFormatError(`the file is not JSON (${reason.slice(0, 200)})`);
  }
  checkJsonShape(json);
  const { annotationItemSchema, bookmarkItemSchema, collectionSchema, documentSchema } =
    importSchemas();
  const top = collectionSchema.safeParse(json);
  if (!top.success)
    throw new ImportFormatError(
      describeIssue(top.error, 'not a Hakusho Reader W3C annotation export'),
    );
  if (!sameJson(top.data['@context'], CONTEXT))
    throw new ImportFormatError(
      `the file's @context is not the one of a Hakusho Reader export (${JSON.stringify(CONTEXT)})`,
    );
  const docParsed = documentSchema.safeParse(top.data['hakusho:document']);
  if (!docParsed.success)
    throw new ImportFormatError(describeIssue(docParsed.error, 'hakusho:document'));
  const document = { id: docParsed.data.id, sourceSha256: docParsed.data.sourceSha256 ?? null };
  if (expectedDocumentId !== undefined && document.id !== expectedDocumentId)
    throw new ImportFormatError(
      `the file holds notes on another document ("${document.id.slice(0, 200)}"), not on "${expectedDocumentId}"`,
    );
  const raw = top.data.first.items;
  if (top.data.total !== raw.length)
    throw new ImportFormatError(
      `the file says it holds ${top.data.total} items but holds ${raw.length}`,
    );
  const items: ParsedItem[] = [];
  raw.forEach((item, i) => {
    const index = i + 1;
    const motivation = (item as { motivation?: unknown } | null)?.motivation;
    if (motivation === 'bookmarking') {
      const b = bookmarkItemSchema.safeParse(item);
      if (!b.success)
        throw new ImportFormatError(describeIssue(b.error, `item ${index} (bookmark)`));
      const position = b.data['hakusho:position'];
      if (b.data.target.selector !== undefined && position === undefined)
        throw new ImportFormatError(
          `item ${index} (bookmark): selectors without a paragraph and offset`,
        );
      const id = b.data.id.slice('urn:hakusho:bookmark:'.length);
      items.push({
        index,
        kind: 'bookmark',
        id,
        source: parseSource(b.data.target.source),
        record: {
          id,
          sectionId: b.data['hakusho:section'],
          paragraphId: position?.paragraphId ?? null,
          offset: position?.offset ?? null,
          label: b.data.body[0]?.value ?? '',
          createdAt: b.data.created,
          updatedAt: b.data.modified,
        },
      });
      return;
    }
    const a = annotationItemSchema.safeParse(item);
    if (!a.success)
      throw new ImportFormatError(describeIssue(a.error, `item ${index} (annotation)`));
    const data = a.data;
    const notes = data.body.filter((x) => x.purpose === 'commenting');
    if (notes.length > 1) throw new ImportFormatError(`item ${index}: more than one note`);
    const selector = data.target.selector;
    const range = data['hakusho:range'];
    if ((selector === undefined) !== (range === undefined))
      throw new ImportFormatError(
        `item ${index}: selectors and paragraph range must come together`,
      );
    const id = data.id.slice('urn:hakusho:annotation:'.length);
    items.push({
      index,
      kind: 'annotation',
      id,
      source: parseSource(data.target.source),
      record: {
        id,
        kind: data['hakusho:kind'],
        sectionId: data['hakusho:section'],
        groupId: data['hakusho:group'] ?? null,
        color: data['hakusho:color'],
        note: notes[0]?.value ?? '',
        tags: data.body.filter((x) => x.purpose === 'tagging').map((x) => x.value),
        target:
          selector && range
            ? {
                paragraphIds: range.paragraphIds,
                quote: {
                  exact: selector[0].exact,
                  prefix: selector[0].prefix,
                  suffix: selector[0].suffix,
                },
                position: { start: selector[1].start, end: selector[1].end },
                startParagraphId: range.startParagraphId,
                startOffset: range.startOffset,
                endParagraphId: range.endParagraphId,
                endOffset: range.endOffset,
              }
            : null,
        anchor: data['hakusho:anchor'],
        createdAt: data.created,
        updatedAt: data.modified,
        ...(data['hakusho:conflictOf'] ? { conflictOf: data['hakusho:conflictOf'] } : {}),
      },
    });
  });
  return { items, document };
}

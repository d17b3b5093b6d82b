// The first half of an import: everything that can be decided without writing —
// decoding, parsing, checking each item against the reader's rules and placing each
// highlight in this edition's text. It touches no database and runs outside any
// transaction, in a worker thread when the host has one (./import-worker.ts), so a
// file of tens of megabytes never holds up the requests the reader keeps making; it
// yields between items and stops as soon as it is cancelled. A file that is not one
// of our exports, or an item that breaks the rules every note obeys (lengths,
// control characters, colours, ids), refuses the whole file (ImportFormatError,
// ImportEncodingError). An item that is well formed but cannot be taken — selectors
// that describe no passage, a date more than a day in the future, a target on
// another document, an id used twice — is refused alone, with its reason.
import { decodeImportBytes, importText } from '../../common/annotations/import-text';
import {
  annotationRecordSchema,
  bookmarkRecordSchema,
  describeIssue,
  type AnnotationRecord,
  type BookmarkRecord,
} from '../../common/annotations/records';
import { ImportFormatError, parseW3c, type ParsedItem } from '../../common/annotations/w3c';
import type { AnnotationTarget, ImportItemReport, ImportProgress } from '../../common/api/types';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CLOCK_SKEW_MS,
  MAX_IMPORT_REPORTS,
} from '../../common/rules/notes';
import type { SearchDoc } from '../content/store-types';
import { placeRecord, quoteProblem, SectionTexts } from './placement';

export interface PrepareInput {
  /** The file: its bytes (decoded here, UTF-8 only) or its text. */
  body: string | Uint8Array;
  /** This edition's text, section by section. */
  docs: SearchDoc[];
  /** The document the reader shows: a file of another document's notes is refused. */
  documentId: string;
  /** Its source digest: when the file's is the same, offsets must lie within the text. */
  sourceSha256: string;
  /** Current time (ms since the epoch), for the rule on future dates. */
  now: number;
}

export interface PrepareHooks {
  progress?(phase: ImportProgress['phase'], done: number, total: number): void;
  cancelled?(): boolean;
}

export interface PreparedImport {
  /** Annotations to store, each placed in this edition (orphans keep their quote). */
  annotations: { index: number; record: AnnotationRecord }[];
  bookmarks: { index: number; record: BookmarkRecord }[];
  /** Every refused item with its reason, in file order. */
  refused: ImportItemReport[];
  /** Imported highlights that could not be placed in this edition. */
  orphaned: number;
}

/** Thrown when the reader cancelled: nothing has been stored. */
export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled; nothing was stored');
    this.name = 'ImportCancelled';
  }
}

const YIELD_EVERY = 250;
const PROGRESS_EVERY = 100;

/** Lets the event loop run (messages to a worker, requests to a host). */
const yieldNow = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function futureProblem(record: Record<string, unknown>, now: number): string | null {
  for (const [name, value] of [
    ['created', record.createdAt],
    ['modified', record.updatedAt],
  ] as const) {
    if (typeof value === 'string' && Date.parse(value) > now + MAX_IMPORT_CLOCK_SKEW_MS)
      return `its ${name} time ${value} is more than a day in the future`;
  }
  return null;
}

function sourceProblem(item: ParsedItem, documentId: string): string | null {
  if (!item.source) return 'its target names no section of a Hakusho Reader document';
  if (item.source.documentId !== documentId)
    return `its target names another document ("${item.source.documentId.slice(0, 100)}")`;
  if (item.source.sectionId !== item.record.sectionId)
    return `its target (section ${item.source.sectionId.slice(0, 100)}) and hakusho:section disagree`;
  return null;
}

/**
 * Why a highlight's selectors cannot describe a passage, or null. Read from the
 * parsed item (strings and non-negative integers, as the file's schema checked).
 */
function selectorProblem(
  record: Record<string, unknown>,
  texts: SectionTexts,
  sameEdition: boolean,
): string | null {
  const target = record.target as AnnotationTarget | null;
  if (!target) return null;
  const sectionId = String(record.sectionId);
  const quote = quoteProblem(target.quote.exact);
  if (quote) return `invalid selector: ${quote}`;
  if (target.position.start >= target.position.end)
    return 'invalid selector: the position range is empty or reversed';
  const span = target.position.end - target.position.start;
  if (span !== target.quote.exact.length)
    return `invalid selector: the position spans ${span} characters but the quote has ${target.quote.exact.length}`;
  if (
    !target.paragraphIds.includes(target.startParagraphId) ||
    !target.paragraphIds.includes(target.endParagraphId)
  )
    return 'invalid selector: the paragraph range names paragraphs outside its own list';
  if (sameEdition && texts.has(sectionId)) {
    // Same edition: the offsets must lie within this very text.
    const length = texts.text(sectionId).length;
    if (target.position.end > length)
      return `invalid selector: offsets ${target.position.start}–${target.position.end} lie outside the text of section ${sectionId} (${length} characters)`;
    const paragraphs = texts.paragraphs(sectionId);
    for (const id of [target.startParagraphId, target.endParagraphId]) {
      const p = paragraphs.find((x) => x.id === id);
      if (!p) return `invalid selector: paragraph ${id} is not in section ${sectionId}`;
    }
    const start = paragraphs.find((x) => x.id === target.startParagraphId);
    const end = paragraphs.find((x) => x.id === target.endParagraphId);
    if (
      (start && target.startOffset > start.text.length) ||
      (end && target.endOffset > end.text.length)
    )
      return 'invalid selector: a paragraph offset lies outside its paragraph';
  }
  return null;
}

/**
 * The record with selectors that are sound whatever the file's were, so that its
 * schema check judges only the rules every note obeys (text, lengths, ids, colour);
 * the selectors themselves are judged by selectorProblem, item by item.
 */
function withNeutralSelectors(record: Record<string, unknown>): Record<string, unknown> {
  const target = record.target as AnnotationTarget | null;
  if (!target) return record;
  return {
    ...record,
    target: {
      ...target,
      paragraphIds:
        target.paragraphIds.length > 0 ? target.paragraphIds : [target.startParagraphId],
      quote: { ...target.quote, exact: target.quote.exact.length > 0 ? target.quote.exact : ' ' },
      position: { start: 0, end: 1 },
    },
  };
}

/** Decodes, parses, checks and places every item of an import file. */
export async function prepareImport(
  input: PrepareInput,
  hooks: PrepareHooks = {},
): Promise<PreparedImport> {
  const cancelled = hooks.cancelled ?? (() => false);
  const stopIfCancelled = (): void => {
    if (cancelled()) throw new ImportCancelled();
  };
  hooks.progress?.('reading', 0, 0);
  const text =
    typeof input.body === 'string' ? importText(input.body) : decodeImportBytes(input.body);
  if (text.length > MAX_IMPORT_BYTES)
    throw new ImportFormatError(
      `the file holds ${text.length} characters, more than the limit of ${MAX_IMPORT_BYTES}`,
    );
  const parsed = parseW3c(text, input.documentId);
  stopIfCancelled();
  const texts = new SectionTexts(input.docs);
  const sameEdition = parsed.document.sourceSha256 === input.sourceSha256;
  const out: PreparedImport = { annotations: [], bookmarks: [], refused: [], orphaned: 0 };
  const seen = { annotation: new Set<string>(), bookmark: new Set<string>() };
  const refuse = (item: ParsedItem, reason: string): void => {
    out.refused.push({
      item: item.index,
      kind: item.kind,
      id: item.id,
      outcome: 'refused',
      reason,
    });
  };
  const total = parsed.items.length;
  const toPlace: { index: number; record: AnnotationRecord; item: ParsedItem }[] = [];

  for (const [i, item] of parsed.items.entries()) {
    if (i % YIELD_EVERY === 0) {
      await yieldNow();
      stopIfCancelled();
    }
    if (i % PROGRESS_EVERY === 0) hooks.progress?.('checking', i, total);
    if (seen[item.kind].has(item.id)) {
      refuse(item, `another ${item.kind} of this file has the same id`);
      continue;
    }
    seen[item.kind].add(item.id);
    const source = sourceProblem(item, input.documentId);
    if (source) {
      refuse(item, source);
      continue;
    }
    const future = futureProblem(item.record, input.now);
    if (future) {
      refuse(item, future);
      continue;
    }
    // The rules every note obeys: an item that breaks one refuses the whole file.
    if (item.kind === 'bookmark') {
      const b = bookmarkRecordSchema().safeParse(item.record);
      if (!b.success)
        throw new ImportFormatError(describeIssue(b.error, `item ${item.index} (bookmark)`));
      out.bookmarks.push({ index: item.index, record: b.data });
      continue;
    }
    const rules = annotationRecordSchema().safeParse(withNeutralSelectors(item.record));
    if (!rules.success)
      throw new ImportFormatError(describeIssue(rules.error, `item ${item.index} (annotation)`));
    // Selectors that describe no passage refuse the item alone.
    const selector = selectorProblem(item.record, texts, sameEdition);
    const a = selector ? null : annotationRecordSchema().safeParse(item.record);
    if (selector || !a?.success) {
      refuse(
        item,
        selector ??
          (a && !a.success ? describeIssue(a.error, 'invalid selector') : 'invalid selector'),
      );
      continue;
    }
    toPlace.push({ index: item.index, record: a.data, item });
  }
  hooks.progress?.('checking', total, total);
  for (const [i, entry] of toPlace.entries()) {
    if (i % YIELD_EVERY === 0) {
      await yieldNow();
      stopIfCancelled();
    }
    if (i % PROGRESS_EVERY === 0) hooks.progress?.('placing', i, toPlace.length);
    // The file's own anchor state is history: where the passage is, this text says.
    const placed = placeRecord({ ...entry.record, anchor: 'anchored' }, texts);
    if (placed.anchor === 'orphan') out.orphaned += 1;
    out.annotations.push({
      index: entry.index,
      record: {
        ...entry.record,
        sectionId: placed.sectionId,
        target: placed.target,
        anchor: placed.anchor,
      },
    });
  }
  hooks.progress?.('placing', toPlace.length, toPlace.length);
  out.refused.sort((a, b) => a.item - b.item);
  stopIfCancelled();
  return out;
}

/** The refusals as the host receives them: counted per kind, the first few in full. */
export function refusalReports(prepared: PreparedImport): {
  refused: ImportItemReport[];
  refusedCount: { annotations: number; bookmarks: number };
} {
  let annotations = 0;
  for (const r of prepared.refused) if (r.kind === 'annotation') annotations += 1;
  return {
    refused: prepared.refused.slice(0, MAX_IMPORT_REPORTS),
    refusedCount: { annotations, bookmarks: prepared.refused.length - annotations },
  };
}

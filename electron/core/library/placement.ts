// Placing one highlight in a text: at its stored position if the quote is still
// there, else by its quote and context (../../common/anchoring), else in exactly one
// other section that holds the unchanged quote with its context — else an orphan,
// kept with its quote. Pure and total: whatever a record holds (a quote that is only
// a paragraph break, offsets past the end, a section that is gone), the answer is a
// placement or an orphan, never an exception. Used by re-anchoring (./reanchor.ts)
// and by import (./import-prepare.ts, which may run in a worker thread: everything
// here works on plain section texts, not on a content store).
import crypto from 'node:crypto';
import { anchorPassage, type AnchorResult } from '../../common/anchoring/index';
import { annotationTargetSchema } from '../../common/annotations/records';
import type { AnchorState, AnnotationTarget } from '../../common/api/types';
import type { ContentStore, SearchDoc } from '../content/store-types';

/** The texts placement reads: every section's paragraphs, by id and in reading order. */
export class SectionTexts {
  private readonly byId = new Map<string, SearchDoc>();
  private readonly joined = new Map<string, string>();

  constructor(readonly docs: readonly SearchDoc[]) {
    for (const doc of docs) this.byId.set(doc.id, doc);
  }

  has(sectionId: string): boolean {
    return this.byId.has(sectionId);
  }

  paragraphs(sectionId: string): { id: string; text: string }[] {
    return this.byId.get(sectionId)?.paragraphs ?? [];
  }

  /** The section's text as the selectors count it (paragraphs joined by "\n"). */
  text(sectionId: string): string {
    let text = this.joined.get(sectionId);
    if (text === undefined) {
      text = this.paragraphs(sectionId)
        .map((p) => p.text)
        .join('\n');
      this.joined.set(sectionId, text);
    }
    return text;
  }
}

/** The digest of a content's text: annotations placed in it need no placing again. */
export function contentDigest(
  content: Pick<ContentStore, 'searchDocs'> & { digest?(): string },
): string {
  if (content.digest) return content.digest();
  return digestOfDocs(content.searchDocs());
}

export function digestOfDocs(docs: readonly SearchDoc[]): string {
  const hash = crypto.createHash('sha256');
  for (const doc of docs) {
    hash.update(`\u0000s${doc.id}`);
    for (const p of doc.paragraphs) hash.update(`\u0000p${p.id}\u0000${p.text}`);
  }
  return `text-sha256:${hash.digest('hex')}`;
}

/**
 * Why a quote can never be placed (it names no text at all), or null. Such a quote
 * is refused by import and makes a stored highlight an orphan.
 */
export function quoteProblem(exact: string): string | null {
  if (exact.length === 0) return 'the quote is empty';
  if (exact.replace(/[\n\s]/gu, '').length === 0)
    return 'the quote holds only a paragraph break or white space';
  return null;
}

/** What a record looks like to placement. */
export interface Placeable {
  kind: 'highlight' | 'section-note';
  sectionId: string;
  target: AnnotationTarget | null;
  anchor: AnchorState;
}

export type PlacementOutcome = 'unchanged' | 'moved' | 'orphaned' | 'recovered';

export interface Placement {
  sectionId: string;
  target: AnnotationTarget | null;
  anchor: AnchorState;
  outcome: PlacementOutcome;
}

/** The stored target of an anchoring result, or null when it is not a passage of the text. */
function targetOf(result: AnchorResult): AnnotationTarget | null {
  if (!result.quote || !result.position || !result.range) return null;
  const target: AnnotationTarget = {
    paragraphIds: result.paragraphIds ?? [],
    quote: { exact: result.quote.exact, prefix: result.quote.prefix, suffix: result.quote.suffix },
    position: { start: result.position.start, end: result.position.end },
    ...result.range,
  };
  if (quoteProblem(target.quote.exact)) return null;
  return annotationTargetSchema().safeParse(target).success ? target : null;
}

function sameTarget(a: AnnotationTarget | null, b: AnnotationTarget | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Anchors `target` in one section; null when it cannot be placed there with confidence. */
function placeIn(
  texts: SectionTexts,
  sectionId: string,
  target: AnnotationTarget,
  usePosition: boolean,
): AnnotationTarget | null {
  const result = anchorPassage(texts.paragraphs(sectionId), {
    quote: { type: 'TextQuoteSelector', ...target.quote },
    position: usePosition ? { type: 'TextPositionSelector', ...target.position } : null,
  });
  return result.status === 'orphan' ? null : targetOf(result);
}

/**
 * A passage no longer in its section may have moved to another one (sections re-cut
 * or renamed by a content update). Only an unchanged quote that its context supports
 * counts, and only when exactly one section has it.
 */
function elsewhere(
  texts: SectionTexts,
  from: string,
  target: AnnotationTarget,
): { sectionId: string; target: AnnotationTarget } | null {
  const firstLine = target.quote.exact.split('\n')[0] ?? '';
  if (firstLine.length === 0) return null;
  const found: { sectionId: string; target: AnnotationTarget }[] = [];
  for (const doc of texts.docs) {
    if (doc.id === from || !texts.text(doc.id).includes(firstLine)) continue;
    const result = anchorPassage(doc.paragraphs, {
      quote: { type: 'TextQuoteSelector', ...target.quote },
      position: null,
    });
    if (result.status !== 'exact' && result.status !== 'moved') continue;
    const placed = targetOf(result);
    if (placed) found.push({ sectionId: doc.id, target: placed });
    if (found.length > 1) return null;
  }
  return found[0] ?? null;
}

function safely<T>(step: () => T, fallback: T): T {
  try {
    return step();
  } catch {
    return fallback;
  }
}

/** Where a record is in these texts; never throws. */
export function placeRecord(record: Placeable, texts: SectionTexts): Placement {
  const was = record.anchor;
  const outcomeFor = (anchor: AnchorState, changed: boolean): PlacementOutcome =>
    anchor === 'orphan'
      ? was === 'orphan'
        ? 'unchanged'
        : 'orphaned'
      : was === 'orphan'
        ? 'recovered'
        : changed
          ? 'moved'
          : 'unchanged';
  if (record.kind === 'section-note' || record.target === null) {
    const anchor: AnchorState = texts.has(record.sectionId) ? 'anchored' : 'orphan';
    return {
      sectionId: record.sectionId,
      target: null,
      anchor,
      outcome: outcomeFor(anchor, false),
    };
  }
  const target = record.target;
  const orphan = (): Placement => ({
    sectionId: record.sectionId,
    target,
    anchor: 'orphan',
    outcome: outcomeFor('orphan', false),
  });
  if (quoteProblem(target.quote.exact)) return orphan();
  if (texts.has(record.sectionId)) {
    const here = safely(() => placeIn(texts, record.sectionId, target, true), null);
    if (here)
      return {
        sectionId: record.sectionId,
        target: here,
        anchor: 'anchored',
        outcome: outcomeFor('anchored', !sameTarget(here, target)),
      };
  }
  const moved = safely(() => elsewhere(texts, record.sectionId, target), null);
  if (moved)
    return {
      sectionId: moved.sectionId,
      target: moved.target,
      anchor: 'anchored',
      outcome: outcomeFor('anchored', true),
    };
  return orphan();
}

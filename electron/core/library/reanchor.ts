// Re-anchoring: after the content is rebuilt (a new edition, a re-cut section),
// every highlight is looked for again (./placement.ts). Nothing is ever deleted: a
// passage that cannot be found is kept as an orphan with its quote.
//
// Each annotation stores the digest of the content it was last placed in, so
// opening the reader only places the annotations that are new to this text: an
// unchanged text costs one indexed count, however many notes (or orphans) there
// are, and a content update re-anchors each annotation once. The results of a batch
// are written in one transaction. The reader core runs this as an explicit step
// when it opens (reanchorLibrary): a first batch at once, the rest (a very large
// library after a content update) in batches between which the event loop runs,
// so requests keep being answered; after a restore the same work runs again.
import { makeNotice } from '../../common/i18n/notices';
import type { ContentStore } from '../content/store-types';
import type { AnchorUpdate } from './annotations';
import type { SqliteLibrary } from './library';
import { contentDigest, placeRecord, SectionTexts } from './placement';

export interface ReanchorSummary {
  checked: number;
  unchanged: number;
  moved: number;
  orphaned: number;
  recovered: number;
  /** Annotations still to be placed in this content (done by the background batches). */
  pending: number;
}

/** Annotations placed at once when the core opens; the rest follow in the background. */
export const FIRST_BATCH = 1000;
/** Annotations placed per background batch (one transaction each). */
export const BACKGROUND_BATCH = 200;

const emptySummary = (): ReanchorSummary => ({
  checked: 0,
  unchanged: 0,
  moved: 0,
  orphaned: 0,
  recovered: 0,
  pending: 0,
});

function add(into: ReanchorSummary, from: ReanchorSummary): void {
  into.checked += from.checked;
  into.unchanged += from.unchanged;
  into.moved += from.moved;
  into.orphaned += from.orphaned;
  into.recovered += from.recovered;
  into.pending = from.pending;
}

/** Places up to `limit` annotations not yet placed in this content; one transaction. */
export function reanchorBatch(
  library: SqliteLibrary,
  texts: () => SectionTexts,
  digest: string,
  limit: number,
): ReanchorSummary {
  const summary = emptySummary();
  const records = library.annotations.pendingFor(digest, limit);
  if (records.length > 0) {
    const updates: AnchorUpdate[] = [];
    const checkedOnly: string[] = [];
    for (const record of records) {
      summary.checked += 1;
      const placed = placeRecord(record, texts());
      summary[placed.outcome] += 1;
      if (placed.outcome === 'unchanged' && placed.anchor === record.anchor) {
        checkedOnly.push(record.id);
        continue;
      }
      updates.push({ id: record.id, ...placed });
    }
    library.annotations.setAnchors(updates, digest);
    library.annotations.markAnchored(checkedOnly, digest);
  }
  summary.pending = library.annotations.countPending(digest);
  return summary;
}

/**
 * Re-anchors every live annotation not yet placed in this content (all of them,
 * in batches, synchronously); never deletes one. Used after an import or a restore
 * brings in annotations from elsewhere, and by tests.
 */
export function reanchorAnnotations(
  library: SqliteLibrary,
  content: ContentStore,
): ReanchorSummary {
  const digest = contentDigest(content);
  library.contentDigest = digest;
  let texts: SectionTexts | null = null;
  const lazyTexts = () => (texts ??= new SectionTexts(content.searchDocs()));
  const total = emptySummary();
  for (;;) {
    const batch = reanchorBatch(library, lazyTexts, digest, FIRST_BATCH);
    add(total, batch);
    if (batch.pending === 0 || batch.checked === 0) return total;
  }
}

function orphanNotice(library: SqliteLibrary, count: number): void {
  if (count > 0) library.addNotice(makeNotice('annotations_orphaned', { count }));
}

/**
 * The step of opening the core: places a first batch of the annotations new to this
 * content now, and the rest (if any) in background batches; when some could not be
 * placed, tells the reader with a notice.
 */
export function reanchorLibrary(library: SqliteLibrary, content: ContentStore): ReanchorSummary {
  const digest = contentDigest(content);
  library.contentDigest = digest;
  if (library.annotations.countPending(digest) === 0) return emptySummary();
  let texts: SectionTexts | null = null;
  const lazyTexts = () => (texts ??= new SectionTexts(content.searchDocs()));
  const first = reanchorBatch(library, lazyTexts, digest, FIRST_BATCH);
  if (first.pending === 0) {
    orphanNotice(library, first.orphaned);
    return first;
  }
  const total = { ...first };
  library.runInBackground(async (stopped) => {
    while (!stopped()) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stopped()) return;
      const batch = reanchorBatch(library, lazyTexts, digest, BACKGROUND_BATCH);
      add(total, batch);
      if (batch.pending === 0 || batch.checked === 0) break;
    }
    orphanNotice(library, total.orphaned);
  });
  return first;
}

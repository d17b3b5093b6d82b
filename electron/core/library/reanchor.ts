// Re-anchoring: after the content is rebuilt (a new edition, a re-cut section),
// every highlight is looked for again — at its stored position first, then by its
// quote and context (../../common/anchoring), then in other sections. Nothing is
// ever deleted: a passage that cannot be found is kept as an orphan with its quote.
// The reader core runs this as an explicit step when it opens (reanchorLibrary),
// and again after an import or a restore brings in annotations from elsewhere.
import { makeNotice } from '../../common/i18n/notices';
import type { AnnotationTarget } from '../../common/api/types';
import { anchorPassage, type AnchorResult } from '../../common/anchoring/index';
import type { AnnotationRecord } from '../../common/annotations/records';
import { Outline } from '../content/outline';
import type { ContentStore } from '../content/store-types';
import type { SqliteLibrary } from './library';

export interface ReanchorSummary {
  checked: number;
  unchanged: number;
  moved: number;
  orphaned: number;
  recovered: number;
}

/** Re-anchors every live annotation against the current content; never deletes one. */
export function reanchorAnnotations(
  library: SqliteLibrary,
  content: ContentStore,
): ReanchorSummary {
  const outline = new Outline(content.toc());
  const summary: ReanchorSummary = {
    checked: 0,
    unchanged: 0,
    moved: 0,
    orphaned: 0,
    recovered: 0,
  };
  const sections = new Map<string, { id: string; text: string }[]>();
  const paragraphsOf = (sectionId: string) => {
    let ps = sections.get(sectionId);
    if (!ps) {
      ps = content.section(sectionId).paragraphs;
      sections.set(sectionId, ps);
    }
    return ps;
  };
  const toTarget = (result: AnchorResult): AnnotationTarget => {
    const q = result.quote as NonNullable<typeof result.quote>;
    const p = result.position as NonNullable<typeof result.position>;
    return {
      paragraphIds: result.paragraphIds ?? [],
      quote: { exact: q.exact, prefix: q.prefix, suffix: q.suffix },
      position: { start: p.start, end: p.end },
      ...(result.range as NonNullable<typeof result.range>),
    };
  };
  /**
   * A passage no longer in its section may have moved to another one (sections
   * re-cut or renamed by a content update). Only an unchanged quote that its
   * context supports counts, and only when exactly one section has it.
   */
  const elsewhere = (
    a: AnnotationRecord,
  ): { sectionId: string; target: AnnotationTarget } | null => {
    const target = a.target as AnnotationTarget;
    const found: { sectionId: string; target: AnnotationTarget }[] = [];
    for (const doc of content.searchDocs()) {
      if (doc.id === a.sectionId || !doc.paragraphs.some((p) => p.text.length > 0)) continue;
      if (!doc.paragraphs.some((p) => p.text.includes(target.quote.exact.split('\n')[0] ?? '')))
        continue;
      const result = anchorPassage(doc.paragraphs, {
        quote: { type: 'TextQuoteSelector', ...target.quote },
        position: null,
      });
      if (result.status === 'exact' || result.status === 'moved')
        found.push({ sectionId: doc.id, target: toTarget(result) });
      if (found.length > 1) return null;
    }
    return found[0] ?? null;
  };
  const orphan = (a: AnnotationRecord): void => {
    const moved = a.target ? elsewhere(a) : null;
    if (moved) {
      library.annotations.setAnchor(a.id, moved.target, 'anchored', moved.sectionId);
      if (a.anchor === 'orphan') summary.recovered += 1;
      else summary.moved += 1;
    } else if (a.anchor !== 'orphan') {
      library.annotations.setAnchor(a.id, a.target, 'orphan');
      summary.orphaned += 1;
    } else summary.unchanged += 1;
  };
  for (const a of library.annotations.list()) {
    summary.checked += 1;
    if (!outline.has(a.sectionId)) {
      orphan(a);
      continue;
    }
    if (a.target === null) {
      if (a.anchor === 'orphan') {
        library.annotations.setAnchor(a.id, null, 'anchored');
        summary.recovered += 1;
      } else summary.unchanged += 1;
      continue;
    }
    const result = anchorPassage(paragraphsOf(a.sectionId), {
      quote: { type: 'TextQuoteSelector', ...a.target.quote },
      position: { type: 'TextPositionSelector', ...a.target.position },
    });
    if (result.status === 'orphan') {
      orphan(a);
      continue;
    }
    const target = toTarget(result);
    if (a.anchor === 'anchored' && JSON.stringify(target) === JSON.stringify(a.target)) {
      summary.unchanged += 1;
      continue;
    }
    library.annotations.setAnchor(a.id, target, 'anchored');
    if (a.anchor === 'orphan') summary.recovered += 1;
    else summary.moved += 1;
  }
  return summary;
}

/**
 * The step of opening the core: re-anchors every annotation against this content
 * and, when some could not be placed, tells the reader with a notice.
 */
export function reanchorLibrary(library: SqliteLibrary, content: ContentStore): ReanchorSummary {
  const summary = reanchorAnnotations(library, content);
  if (summary.orphaned > 0) {
    library.addNotice(makeNotice('annotations_orphaned', { count: summary.orphaned }));
  }
  return summary;
}

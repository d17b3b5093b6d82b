// The search hits of the open section as the reading pane marks them: in reading order
// (the heading first, then paragraph by paragraph, left to right), numbered as the hit
// bar counts them (“3／12”), and grouped per paragraph for rendering. Hits of another
// section, or in a paragraph the section does not have, are dropped.
import type { HitRange, SectionView } from '../../../../electron/common/api/types';
import type { MarkRange } from '../text/segments';

/** Key of hits in the section's heading (paragraphId null): never a paragraph id. */
export const TITLE_KEY = '#title';

export function orderedHits(section: SectionView, ranges: readonly HitRange[]): HitRange[] {
  const order: Record<string, number> = { [TITLE_KEY]: -1 };
  section.paragraphs.forEach((p, i) => (order[p.id] = i));
  const rank = (r: HitRange) => order[r.paragraphId ?? TITLE_KEY];
  return ranges
    .filter((r) => rank(r) !== undefined)
    .toSorted((a, b) => rank(a)! - rank(b)! || a.start - b.start);
}

/** Marks per paragraph id (TITLE_KEY for the heading), each with its index in `ordered`. */
export function marksByParagraph(ordered: readonly HitRange[]): Record<string, MarkRange[]> {
  const byParagraph: Record<string, MarkRange[]> = {};
  ordered.forEach((r, index) => {
    (byParagraph[r.paragraphId ?? TITLE_KEY] ??= []).push({ start: r.start, end: r.end, index });
  });
  return byParagraph;
}

// The reader's highlights drawn in the open section: each anchored annotation becomes
// one range per paragraph it covers (the first from its start offset, the last to its
// end offset, those between whole). Orphaned annotations (passage not found in this
// text), section notes and paragraphs the section does not have draw nothing.
import type { Annotation, SectionView } from '../../../../electron/common/api/types';
import type { HighlightRange } from '../text/segments';

export function highlightsByParagraph(
  section: SectionView,
  annotations: readonly Annotation[],
): Record<string, HighlightRange[]> {
  const byParagraph: Record<string, HighlightRange[]> = {};
  const lengths: Record<string, number> = {};
  for (const p of section.paragraphs) lengths[p.id] = p.text.length;
  for (const a of annotations) {
    const target = a.target;
    if (!target || a.anchor !== 'anchored') continue;
    for (const pid of target.paragraphIds) {
      if (lengths[pid] === undefined) continue;
      const start = pid === target.startParagraphId ? target.startOffset : 0;
      const end = pid === target.endParagraphId ? target.endOffset : lengths[pid]!;
      (byParagraph[pid] ??= []).push({ start, end, id: a.id, color: a.color });
    }
  }
  return byParagraph;
}

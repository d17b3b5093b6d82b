// The printed pages of a paged source (an imported PDF) as the reader sees them: the
// page each paragraph is on and where a page begins inside one (SectionView.pageMarkers,
// a paragraph and an offset), drawn where the page changes, and the pages a selection
// spans, for its citation ("p. 12", "pp. 12–13") — by the one rule the exports use too
// (electron/common/citation/pages.ts).
import type { SectionView } from '../../../../electron/common/api/types';
import type { PageSpan } from '../../../../electron/common/citation/cite';
import { passagePages } from '../../../../electron/common/citation/pages';
import type { PageMark } from '../text/segments';

/**
 * Where a new printed page begins in a section, by paragraph id: the importer gives each
 * paragraph's page (and a page begun inside one); a marker is drawn where the page
 * changes, and at the section's first paragraph (the reader may arrive there).
 */
export function pagesByParagraph(view: SectionView): Record<string, PageMark[]> {
  const out: Record<string, PageMark[]> = {};
  const rank = new Map(view.paragraphs.map((p, i) => [p.id, i]));
  const markers = [...(view.pageMarkers ?? [])]
    .filter((m) => rank.has(m.paragraphId))
    .sort((a, b) => rank.get(a.paragraphId)! - rank.get(b.paragraphId)! || a.offset - b.offset);
  let last: string | null = null;
  for (const m of markers) {
    if (m.label === last) continue;
    last = m.label;
    (out[m.paragraphId] ??= []).push({ offset: m.offset, label: m.label });
  }
  return out;
}

export { passagePages };

/** The section (among those fetched) that holds a paragraph. */
function sectionOfParagraph(
  views: ReadonlyMap<string, SectionView>,
  paragraphId: string,
): string | null {
  for (const view of views.values())
    if (view.paragraphs.some((p) => p.id === paragraphId)) return view.id;
  return null;
}

/** The pages a selection of paragraphs spans (the copy's citation), or null. */
export function selectionPages(
  toc: readonly { id: string }[],
  views: ReadonlyMap<string, SectionView>,
  sel: { startParagraphId: string; startOffset: number; endParagraphId: string; endOffset: number },
): PageSpan | null {
  const startSection = sectionOfParagraph(views, sel.startParagraphId);
  const endSection = sectionOfParagraph(views, sel.endParagraphId);
  if (!startSection || !endSection) return null;
  return passagePages(
    toc.map((e) => e.id),
    (id) => views.get(id),
    { sectionId: startSection, paragraphId: sel.startParagraphId, offset: sel.startOffset },
    { sectionId: endSection, paragraphId: sel.endParagraphId, offset: sel.endOffset },
  );
}

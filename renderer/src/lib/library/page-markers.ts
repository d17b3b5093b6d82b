// The printed pages of a paged source (an imported PDF) as the reader sees them: the
// page each paragraph is on and where a page begins inside one (SectionView.pageMarkers,
// a paragraph and an offset), drawn where the page changes, and the pages a passage spans, for its citation ("p. 12",
// "pp. 12–13"). A passage's page is the last page begun at or before its start, looked
// for back through the sections in reading order; when a section on the way has not been
// fetched, no page is given rather than a wrong one.
import type { SectionView } from '../../../../electron/common/api/types';
import type { PageSpan } from '../../../../electron/common/citation/cite';
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

/** A place in the text: a paragraph of a section and an offset into its text. */
export interface TextPoint {
  sectionId: string;
  paragraphId: string;
  offset: number;
}

type Lookup = (sectionId: string) => SectionView | undefined;

/**
 * The label of the page `point` lies on (`inclusive`: a page that begins exactly there
 * counts), or null when the text before it is not known or marks no page.
 */
function pageAt(
  order: readonly string[],
  lookup: Lookup,
  point: TextPoint,
  inclusive: boolean,
): string | null {
  const at = order.indexOf(point.sectionId);
  if (at === -1) return null;
  for (let i = at; i >= 0; i--) {
    const view = lookup(order[i] as string);
    if (!view) return null;
    const markers = view.pageMarkers ?? [];
    if (markers.length === 0) continue;
    const paragraphs = view.paragraphs.map((p) => p.id);
    let best: { rank: number; offset: number; label: string } | null = null;
    const here = i === at ? paragraphs.indexOf(point.paragraphId) : Infinity;
    for (const m of markers) {
      const rank = paragraphs.indexOf(m.paragraphId);
      if (rank === -1) continue;
      const before =
        rank < here ||
        (rank === here && (inclusive ? m.offset <= point.offset : m.offset < point.offset));
      if (!before) continue;
      if (!best || rank > best.rank || (rank === best.rank && m.offset >= best.offset))
        best = { rank, offset: m.offset, label: m.label };
    }
    if (best) return best.label;
  }
  return null;
}

/** The pages a passage from `start` to `end` spans, or null when they are not known. */
export function passagePages(
  order: readonly string[],
  lookup: Lookup,
  start: TextPoint,
  end: TextPoint,
): PageSpan | null {
  const first = pageAt(order, lookup, start, true);
  if (first === null) return null;
  const last = pageAt(order, lookup, end, false) ?? first;
  return { first, last };
}

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

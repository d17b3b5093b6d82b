// The printed pages a passage spans, for its citation ("p. 12", "pp. 12–13"): one rule
// for every place that cites a passage of a paged source (an imported PDF) — a copy in
// the reading pane, the Markdown and Word exports of notes. A section of such a source
// says where each printed page begins in its paragraphs (a paragraph and an offset); a
// passage's page is the last page begun at or before its start, looked for back
// through the sections in reading order. When a section on the way is not known (not
// fetched, a removed document), no page is given rather than a wrong one; a source
// without page markers (the bundled chapter) gives none.
import type { PageMarker } from '../api/types';
import type { PageSpan } from './cite';

/** What the rule reads of a section: its paragraphs in order and its page markers. */
export interface PagedSection {
  paragraphs: readonly { id: string }[];
  pageMarkers?: readonly PageMarker[];
}

/** A place in the text: a paragraph of a section and an offset into its text. */
export interface TextPoint {
  sectionId: string;
  paragraphId: string;
  offset: number;
}

export type SectionLookup = (sectionId: string) => PagedSection | undefined;

/**
 * The label of the page `point` lies on (`inclusive`: a page that begins exactly there
 * counts), or null when the text before it is not known or marks no page.
 */
function pageAt(
  order: readonly string[],
  lookup: SectionLookup,
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

/**
 * The pages a passage from `start` to `end` spans, or null when they are not known.
 * `order` is the sections' ids in reading order.
 */
export function passagePages(
  order: readonly string[],
  lookup: SectionLookup,
  start: TextPoint,
  end: TextPoint,
): PageSpan | null {
  const first = pageAt(order, lookup, start, true);
  if (first === null) return null;
  const last = pageAt(order, lookup, end, false) ?? first;
  return { first, last };
}

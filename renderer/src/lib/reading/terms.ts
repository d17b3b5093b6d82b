// The glossary in the open section: where each abbreviation the glossary knows stands
// (per paragraph, and in the heading), for the reading pane to mark; and what its
// pop-up and the 用語 tab say about an entry — where the text first defines it, and
// the request that opens that place with the definition flashed. Pure, over the
// section and the outline the core returned; the matching rule is the glossary's own
// (electron/common/glossary/marks.ts: IRA in 「IRA法上」, not in "IRAN").
import type { DefinitionSite, SectionView, TocEntry } from '../../../../electron/common/api/types';
import { findTerms } from '../../../../electron/common/glossary/marks';
import { displayTitle } from '../outline';
import type { Placement } from '../state/reader.svelte';
import type { TermRange } from '../text/segments';
import { TITLE_KEY } from './hits';

/** The terms of the section per paragraph id (TITLE_KEY for a heading the text writes). */
export function termsByParagraph(
  section: SectionView,
  terms: readonly string[],
): Record<string, TermRange[]> {
  const out: Record<string, TermRange[]> = {};
  if (terms.length === 0) return out;
  const find = (text: string): TermRange[] =>
    findTerms(text, terms).map((m) => ({ start: m.start, end: m.end, term: m.term }));
  // An editorial heading is the editors' words (shown in ［］): nothing of the text's to mark.
  if (!section.editorial) {
    const inTitle = find(section.title);
    if (inTitle.length > 0) out[TITLE_KEY] = inTitle;
  }
  for (const p of section.paragraphs) {
    const found = find(p.text);
    if (found.length > 0) out[p.id] = found;
  }
  return out;
}

/** Opens the section of a definition with the defining words in view and flashed. */
export function definitionRequest(site: DefinitionSite): Extract<Placement, { kind: 'passage' }> {
  return {
    kind: 'passage',
    paragraphId: site.paragraphId,
    start: Math.min(site.longFormStart, site.abbreviationStart),
    end: Math.max(site.longFormEnd, site.abbreviationEnd),
  };
}

const CLOSING = new Set(['）', ')']);

/** `end` moved past the closing bracket of 「…（IPEF）」 when the text has one there. */
export function throughClosingBracket(text: string, end: number): number {
  return CLOSING.has(text[end] ?? '') ? end + 1 : end;
}

/** Where a definition stands, as the reader sees it: the section's titles from the top. */
export function placeOf(
  site: DefinitionSite,
  toc: readonly TocEntry[],
  separator = ' ＞ ',
): string {
  const byId = new Map(toc.map((e) => [e.id, e]));
  const titles: string[] = [];
  const seen = new Set<string>();
  for (
    let e = byId.get(site.sectionId);
    e && !seen.has(e.id);
    e = e.parent ? byId.get(e.parent) : undefined
  ) {
    seen.add(e.id);
    titles.unshift(displayTitle(e.title, e.editorial));
  }
  return titles.length > 0 ? titles.join(separator) : site.sectionId;
}

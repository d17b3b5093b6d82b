// The characters a document shows, for the font warm-up (./font-warmup.ts): its outline,
// then its sections in reading order until their characters stop bringing anything new
// (a document a hundred times this chapter repeats its characters long before its end).
// The sections are asked for a few at a time (WARMUP_BATCH per call: one answer to wait
// for instead of one per section, and never a burst the reader's own requests would queue
// behind) through the reader state, which keeps them: a later jump to one of them draws
// at once, without a round trip to the host. No DOM here: the browser tests bound the
// warm-up's calls with these constants.
import type { SectionView, TocEntry } from '../../../electron/common/api/types';

/** Characters the document shows, split by the weight they are set in. */
export interface DocumentChars {
  /** Every character of the text, titles and outline (body weight 400). */
  regular: string;
  /** Characters of headings (weight 700). */
  bold: string;
}

/** Sections in a row that bring no new character, after which the warm-up stops reading. */
export const SATURATED_RUN = 24;

/** Sections the warm-up asks for in one call (those the reader has are not asked for). */
export const WARMUP_BATCH = 8;

/**
 * The characters of a document (its outline, then its sections in reading order, each
 * from `known` when the reader has it, else from `fetch`, which gets up to WARMUP_BATCH
 * ids at once and answers the views it could get), until `SATURATED_RUN` sections in a
 * row add none. A section `fetch` could not get is passed over.
 */
export async function documentChars(
  toc: readonly TocEntry[],
  known: (id: string) => SectionView | undefined,
  fetch: (ids: readonly string[]) => Promise<readonly SectionView[]>,
): Promise<DocumentChars> {
  const regular = new Set<string>();
  const bold = new Set<string>();
  /** Adds the characters of `text` (in both weights for a title); how many were new. */
  const add = (text: string, title: boolean): number => {
    const before = regular.size + bold.size;
    for (const ch of text) {
      if (/\s/.test(ch)) continue;
      regular.add(ch);
      if (title) bold.add(ch);
    }
    return regular.size + bold.size - before;
  };
  for (const entry of toc) add(entry.title, true);
  let unchanged = 0;
  for (let at = 0; at < toc.length && unchanged < SATURATED_RUN; at += WARMUP_BATCH) {
    const ids = toc.slice(at, at + WARMUP_BATCH).map((e) => e.id);
    const missing = ids.filter((id) => !known(id));
    const fetched = new Map(
      (missing.length > 0 ? await fetch(missing) : []).map((v) => [v.id, v] as const),
    );
    for (const id of ids) {
      if (unchanged >= SATURATED_RUN) break;
      const view = known(id) ?? fetched.get(id);
      if (!view) continue;
      let added = 0;
      for (const title of [view.title, ...view.path]) added += add(title, true);
      for (const p of view.paragraphs) added += add(p.text, false);
      unchanged = added === 0 ? unchanged + 1 : 0;
    }
  }
  return { regular: [...regular].join(''), bold: [...bold].join('') };
}

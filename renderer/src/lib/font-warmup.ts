// Warms the bundled Japanese fonts for the whole document, at idle time after the first
// paint. The fonts are split by unicode-range into ~120 subsets per face; Chromium fetches
// and decodes a subset only when a laid-out character needs it, so opening a section with
// characters not seen yet cost a fetch, a decode and a relayout (the slow "far away"
// section switches). The document is small, so its distinct characters are known up
// front: asking `document.fonts.load` for them loads every subset it will ever need.
// A long document is read section by section until its characters stop bringing anything
// new (a document a hundred times this chapter repeats its characters long before its
// end): what a later section still needs loads on demand, as it would without the warm-up.
// The sections are asked for one at a time (the reader's own requests never queue behind
// a burst) through the reader state, which keeps them: a later jump to one of them draws
// at once, without a round trip to the host.
import type { FontFamily, SectionView, TocEntry } from '../../../electron/common/api/types';

/** The bundled face of each body font (see app.css: --font-serif, --font-sans). */
export const BODY_FACES: Record<FontFamily, string> = {
  serif: 'Noto Serif JP',
  sans: 'Noto Sans JP',
};

/** Characters the document shows, split by the weight they are set in. */
export interface DocumentChars {
  /** Every character of the text, titles and outline (body weight 400). */
  regular: string;
  /** Characters of headings (weight 700). */
  bold: string;
}

/** Sections in a row that bring no new character, after which the warm-up stops reading. */
export const SATURATED_RUN = 24;

/**
 * The characters of a document (its outline, then its sections in reading order, each
 * from `known` when the reader has it, else from `fetch`), until `SATURATED_RUN` sections
 * in a row add none.
 */
export async function documentChars(
  toc: readonly TocEntry[],
  known: (id: string) => SectionView | undefined,
  fetch: (id: string) => Promise<SectionView>,
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
  for (const entry of toc) {
    if (unchanged >= SATURATED_RUN) break;
    const view = known(entry.id) ?? (await fetch(entry.id));
    let added = 0;
    for (const title of [view.title, ...view.path]) added += add(title, true);
    for (const p of view.paragraphs) added += add(p.text, false);
    unchanged = added === 0 ? unchanged + 1 : 0;
  }
  return { regular: [...regular].join(''), bold: [...bold].join('') };
}

/** The font requests that cover `chars` in `family`: one per weight that has characters. */
export function warmupRequests(
  family: FontFamily,
  chars: DocumentChars,
): { font: string; text: string }[] {
  const face = BODY_FACES[family];
  return [
    { font: `400 16px "${face}"`, text: chars.regular },
    { font: `700 16px "${face}"`, text: chars.bold },
  ].filter((r) => r.text.length > 0);
}

/** Runs `fn` when the main thread is idle (or soon, where idle callbacks are missing). */
export function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 50);
}

const warmed = new Set<FontFamily>();

/**
 * Loads every subset of `family` that `chars` needs. Once per family; failures are
 * harmless (the text then loads its subsets on demand, as without the warm-up).
 */
export async function warmFonts(family: FontFamily, chars: DocumentChars): Promise<void> {
  if (warmed.has(family) || typeof document === 'undefined' || !document.fonts) return;
  warmed.add(family);
  // One weight at a time: the decodes share the main thread with the reader.
  for (const r of warmupRequests(family, chars)) {
    try {
      await document.fonts.load(r.font, r.text);
    } catch {
      // A font that cannot load falls back to the system's; nothing to tell the reader.
    }
  }
}

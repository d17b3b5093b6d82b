// The reader's place as text, not as pixels: a paragraph and an offset into its display
// text (the character at the start of the view, or of the page). A change of text size,
// typeface, writing direction, window size or reading mode moves every pixel, but the
// same character is put back at the start of the view. The saved reading position and
// the history entry keep it as a fraction of the section's text (what the contract
// stores), which is the same character in any layout. Pure, unit-tested.
import type { SectionView } from '../../../../electron/common/api/types';

export interface TextPlace {
  sectionId: string;
  /** Null: the section's heading (a section with no paragraph of its own, or its top). */
  paragraphId: string | null;
  /** UTF-16 offset into the paragraph's display text. */
  offset: number;
}

/** The share of the section's text before `place` (0 at its heading). */
export function placeFraction(section: SectionView, place: TextPlace): number {
  if (place.paragraphId === null) return 0;
  let before = 0;
  let total = 0;
  let found = false;
  for (const p of section.paragraphs) {
    if (p.id === place.paragraphId) {
      found = true;
      before = total + Math.min(Math.max(0, place.offset), p.text.length);
    }
    total += p.text.length;
  }
  if (!found || total === 0) return 0;
  return before / total;
}

/** The place at `fraction` of the section's text (its heading at 0 or with no text). */
export function placeAt(section: SectionView, fraction: number): TextPlace {
  const total = section.paragraphs.reduce((n, p) => n + p.text.length, 0);
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  if (total === 0 || f === 0) return { sectionId: section.id, paragraphId: null, offset: 0 };
  let left = Math.round(f * total);
  for (const p of section.paragraphs) {
    if (left < p.text.length) return { sectionId: section.id, paragraphId: p.id, offset: left };
    left -= p.text.length;
  }
  const last = section.paragraphs[section.paragraphs.length - 1]!;
  return { sectionId: section.id, paragraphId: last.id, offset: last.text.length };
}

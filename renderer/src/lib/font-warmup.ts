// Warms the bundled Japanese fonts for the whole document, at idle time after the first
// paint. The fonts are split by unicode-range into ~120 subsets per face; Chromium fetches
// and decodes a subset only when a laid-out character needs it, so opening a section with
// characters not seen yet cost a fetch, a decode and a relayout (the slow "far away"
// section switches). The document is small, so its distinct characters are known up
// front: asking `document.fonts.load` for them loads every subset it will ever need.
// A long document is read until its characters stop bringing anything new
// (./document-chars.ts): what a later section still needs loads on demand, as it would
// without the warm-up.
import type { FontFamily } from '../../../electron/common/api/types';
import type { DocumentChars } from './document-chars';

/** The bundled face of each body font (see app.css: --font-serif, --font-sans). */
export const BODY_FACES: Record<FontFamily, string> = {
  serif: 'Noto Serif JP',
  sans: 'Noto Sans JP',
};

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

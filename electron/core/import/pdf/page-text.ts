// One page's text items from pdf.js as positioned runs (./lines.ts TextRun), in the
// page's own top-left coordinate system (the viewport applies rotation and crop box).
// Fonts: pdf.js names each font program "g_d0_fN"; its real name (…-Bold, W6) is only
// known after the page's operator list has loaded it, which costs as much as drawing
// the page (images included). So a font's name is looked up once, on the first page
// that uses it: a handful of operator lists per document, not one per page.
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { TextRun } from './lines';

export interface FontInfo {
  name: string;
  bold: boolean;
  family: string;
}

/** Weight from the font program's name: Bold, Black, Heavy, Demi, Semibold, W6–W9, Gothic-B … */
export function isBoldFontName(name: string): boolean {
  const base = name.replace(/^[A-Z]{6}\+/, '');
  return /bold|black|heavy|demi|semibold|[-_]?w[6-9]\b|-(?:eb|b|h|db|ub)$|extrab|ultrab/i.test(
    base,
  );
}

export async function pageRuns(
  page: PDFPageProxy,
  fonts: Map<string, FontInfo>,
): Promise<{ runs: TextRun[]; width: number; height: number }> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent({ disableNormalization: false });
  const styles = content.styles as Record<string, { fontFamily: string; vertical?: boolean }>;
  const unknown = Object.keys(styles).filter((id) => !fonts.has(id));
  if (unknown.length > 0) {
    try {
      await page.getOperatorList();
    } catch {
      /* a page that cannot be drawn still has its text; names stay unknown */
    }
    for (const id of unknown) {
      let name: string;
      try {
        const font = page.commonObjs.get(id) as { name?: string } | null;
        name = font?.name ?? '';
      } catch {
        name = '';
      }
      fonts.set(id, { name, bold: isBoldFontName(name), family: styles[id]?.fontFamily ?? '' });
    }
  }
  const [a, b, c, d, e, f] = viewport.transform as number[];
  const runs: TextRun[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as TextItem;
    if (item.str.length === 0) continue;
    const t = item.transform as number[];
    // Item origin and advance direction in viewport space.
    const ox = a! * t[4]! + c! * t[5]! + e!;
    const oy = b! * t[4]! + d! * t[5]! + f!;
    const dx = a! * t[0]! + c! * t[1]!;
    const dy = b! * t[0]! + d! * t[1]!;
    const size = Math.hypot(t[2]!, t[3]!) || Math.hypot(t[0]!, t[1]!);
    if (styles[item.fontName]?.vertical === true) {
      // A vertical font: pdf.js gives the advance in `height`, going down the page.
      runs.push({
        text: item.str,
        x0: ox - size / 2,
        x1: ox + size / 2,
        y0: oy,
        y1: oy + Math.max(item.height, size),
        size,
        font: item.fontName,
        vertical: true,
      });
    } else if (Math.abs(dy) > Math.abs(dx)) {
      // Rotated 90°: Latin set sideways in a vertical column (advance down the page).
      const length = item.width;
      const down = dy > 0;
      runs.push({
        text: item.str,
        x0: ox - size * 0.12,
        x1: ox + size * 0.88,
        y0: down ? oy : oy - length,
        y1: down ? oy + length : oy,
        size,
        font: item.fontName,
        vertical: true,
      });
    } else {
      runs.push({
        text: item.str,
        x0: ox,
        x1: ox + item.width,
        y0: oy - size * 0.88,
        y1: oy + size * 0.12,
        size,
        font: item.fontName,
        vertical: false,
      });
    }
  }
  return { runs, width: viewport.width, height: viewport.height };
}

/**
 * Vertical writing set with a horizontal font (what most producers do, Chromium and
 * Word among them) arrives as one glyph per run, each below the previous one. When a
 * page reads that way more than left to right, its glyph-sized runs are marked
 * vertical so ./lines.ts groups them into columns; multi-character runs (a running
 * head, a page number set horizontally) stay horizontal. 縦中横 ("12" set across the
 * column) is glyph-sized too, and joins its column. Counts glyph steps down and across.
 */
export function verticalEvidence(runs: readonly TextRun[]): { down: number; across: number } {
  let down = 0;
  let across = 0;
  for (let i = 1; i < runs.length; i++) {
    const p = runs[i - 1]!;
    const r = runs[i]!;
    const size = Math.max(p.size, r.size);
    const glyphs = p.x1 - p.x0 <= 1.5 * size && r.x1 - r.x0 <= 1.5 * size;
    const pcx = (p.x0 + p.x1) / 2;
    const rcx = (r.x0 + r.x1) / 2;
    if (
      glyphs &&
      Math.abs(pcx - rcx) < 0.3 * size &&
      r.y0 - p.y0 > 0.3 * size &&
      r.y0 - p.y0 < 2 * size
    )
      down++;
    else if (Math.abs(p.y1 - r.y1) < 0.2 * size && r.x0 >= p.x1 - 0.2 * size) across++;
  }
  return { down, across };
}

/**
 * Marks a page's glyph-sized runs vertical when the page reads top to bottom: clearly
 * on its own (8 or more glyph steps down, more than across), or — a sparse page such
 * as a chapter title — when the document as a whole is set vertically.
 */
export function markVerticalGlyphs(runs: TextRun[], documentVertical: boolean): void {
  const { down, across } = verticalEvidence(runs);
  if (down <= across || (down < 8 && !(documentVertical && down >= 2))) return;
  for (const run of runs) {
    if (run.vertical) continue;
    const glyphs = run.text.trim().length;
    if (glyphs <= 1 || run.x1 - run.x0 <= 1.2 * run.size) run.vertical = true;
  }
}

// The PDF adapter: pdf.js text with positions (./pdfjs.ts, ./page-text.ts) → lines
// (./lines.ts) → running heads, footers and page numbers out, as page labels
// (./furniture.ts) → the printed 目次 out, kept as outline entries (./toc.ts) →
// footnotes and captions apart (./roles.ts) → reading order per page (./order.ts) →
// headings from the outline, the 目次, or typography and numbering (./headings.ts) →
// blocks (./paragraphs.ts). Pages are read one at a time with progress and the
// AbortSignal checked between them; each page's resources are released after it.
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { ImportError, reason, throwIfAborted } from '../errors';
import type { AdapterContext, ExtractedDocument } from '../types';
import { findFurniture, type PageLines } from './furniture';
import {
  applyOutline,
  detectHeadings,
  type FlowLine,
  type OutlineEntry,
  type Typography,
} from './headings';
import { runsToLines, type Line, type TextRun } from './lines';
import { listingLineNumbers } from './line-numbers';
import { readingOrder } from './order';
import { markVerticalGlyphs, pageRuns, verticalEvidence, type FontInfo } from './page-text';
import { assembleBlocks } from './paragraphs';
import { openPdf } from './pdfjs';
import { assignRoles, noteStarts } from './roles';
import { findPrintedToc, isTocTitle } from './toc';

function mode<K>(pairs: Iterable<[K, number]>): K | undefined {
  const totals = new Map<K, number>();
  for (const [k, w] of pairs) totals.set(k, (totals.get(k) ?? 0) + w);
  let best: K | undefined;
  let bestW = -1;
  for (const [k, w] of totals)
    if (w > bestW) {
      best = k;
      bestW = w;
    }
  return best;
}

/** Body size, body font and line pitch: what most of the text is set in. */
export function typographyOf(
  pages: readonly PageLines[],
  fonts: Map<string, FontInfo>,
): Typography {
  const lines = pages.flatMap((p) => p.lines);
  const weight = (l: Line) => l.text.length;
  const bodySize = mode(lines.map((l) => [l.size, weight(l)] as [number, number])) ?? 10;
  const bodyFont =
    mode(
      lines
        .filter((l) => Math.abs(l.size - bodySize) < 0.6)
        .map((l) => [l.font, weight(l)] as [string, number]),
    ) ?? '';
  const pitches: number[] = [];
  for (const p of pages) {
    const body = p.lines
      .filter((l) => Math.abs(l.size - bodySize) < 0.6 && !l.vertical)
      .sort((a, b) => a.y0 - b.y0);
    for (let i = 1; i < body.length; i++) {
      const d = body[i]!.y0 - body[i - 1]!.y0;
      if (
        d > bodySize * 0.9 &&
        d < bodySize * 2.5 &&
        Math.abs(body[i]!.x0 - body[i - 1]!.x0) < bodySize * 3
      )
        pitches.push(d);
    }
    const vbody = p.lines
      .filter((l) => Math.abs(l.size - bodySize) < 0.6 && l.vertical)
      .sort((a, b) => b.x0 - a.x0);
    for (let i = 1; i < vbody.length; i++) {
      const d = vbody[i - 1]!.x0 - vbody[i]!.x0;
      if (d > bodySize * 0.9 && d < bodySize * 2.5) pitches.push(d);
    }
  }
  pitches.sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? bodySize * 1.5;
  // Fonts the body is set in (Japanese text often mixes a Japanese and a Latin font).
  const atBodySize = lines.filter((l) => Math.abs(l.size - bodySize) < 0.6);
  const total = atBodySize.reduce((n, l) => n + weight(l), 0);
  const byFont = new Map<string, number>();
  for (const l of atBodySize) byFont.set(l.font, (byFont.get(l.font) ?? 0) + weight(l));
  const bodyFonts = new Set([...byFont].filter(([, n]) => n >= total * 0.05).map(([f]) => f));
  return { bodySize, bodyFont, bodyFonts, pitch, fonts };
}

interface RawOutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: RawOutlineItem[];
}

async function bookmarkEntries(doc: PDFDocumentProxy): Promise<OutlineEntry[]> {
  let outline: RawOutlineItem[] | null;
  try {
    outline = (await doc.getOutline()) as RawOutlineItem[] | null;
  } catch {
    return [];
  }
  const out: OutlineEntry[] = [];
  const visit = async (items: RawOutlineItem[], level: number) => {
    for (const item of items) {
      let pageIndex: number | null = null;
      try {
        const dest =
          typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
        const ref = Array.isArray(dest) ? dest[0] : null;
        if (ref && typeof ref === 'object') pageIndex = (await doc.getPageIndex(ref as never)) + 1;
        else if (typeof ref === 'number') pageIndex = ref + 1;
      } catch {
        pageIndex = null;
      }
      out.push({ title: item.title, level, pageIndex, pageLabel: null });
      if (item.items?.length && out.length < 5000) await visit(item.items, Math.min(6, level + 1));
    }
  };
  await visit(outline ?? [], 1);
  return out;
}

function infoString(info: unknown, key: string): string | null {
  const value = (info as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

export async function extractPdf(
  bytes: Uint8Array,
  context: AdapterContext,
): Promise<ExtractedDocument> {
  const { name, limits, signal } = context;
  context.progress({ phase: 'parse', done: 0, total: 1 });
  const doc = await openPdf(bytes, name);
  try {
    if (doc.numPages > limits.maxPages)
      throw new ImportError(
        'too_large',
        `${name}: ${doc.numPages} pages, more than the limit of ${limits.maxPages}`,
      );
    context.progress({ phase: 'parse', done: 1, total: 1 });
    const fonts = new Map<string, FontInfo>();
    const pageRunsList: { page: number; width: number; height: number; runs: TextRun[] }[] = [];
    const empty: number[] = [];
    let chars = 0;
    let down = 0;
    let across = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      throwIfAborted(signal, name);
      let page;
      try {
        page = await doc.getPage(n);
        const { runs, width, height } = await pageRuns(page, fonts);
        chars += runs.reduce((k, r) => k + r.text.length, 0);
        if (chars > limits.maxTextChars)
          throw new ImportError(
            'too_large',
            `${name}: more than ${limits.maxTextChars} characters of text`,
          );
        if (runs.every((r) => r.text.trim().length === 0)) empty.push(n);
        const evidence = verticalEvidence(runs);
        down += evidence.down;
        across += evidence.across;
        pageRunsList.push({ page: n, width, height, runs });
      } catch (err) {
        if (err instanceof ImportError) throw err;
        throw new ImportError('damaged', `${name}: page ${n} cannot be read (${reason(err)})`);
      } finally {
        page?.cleanup();
      }
      context.progress({ phase: 'pages', done: n, total: doc.numPages });
    }
    throwIfAborted(signal, name);
    const documentVertical = down > across;
    const pages: PageLines[] = pageRunsList.map(({ page, width, height, runs }) => {
      markVerticalGlyphs(runs, documentVertical);
      return { page, width, height, lines: runsToLines(runs, page) };
    });
    const [labels, bookmarks, meta] = await Promise.all([
      doc.getPageLabels().catch(() => null),
      bookmarkEntries(doc),
      doc.getMetadata().catch(() => null),
    ]);

    const furniture = findFurniture(pages);
    const pageLabels = pages.map(
      (p) => furniture.printed.get(p.page) ?? labels?.[p.page - 1] ?? String(p.page),
    );
    const bodyPages = pages.map((p) => ({
      ...p,
      lines: p.lines.filter((l) => !furniture.removed.get(p.page)?.has(l)),
    }));
    const titledPages = new Set(
      pages.filter((p) => p.lines.some((l) => isTocTitle(l.text))).map((p) => p.page),
    );
    const toc = findPrintedToc(bodyPages, titledPages);
    const type = typographyOf(bodyPages, fonts);

    const flow: FlowLine[] = [];
    for (const p of bodyPages) {
      const lines = toc ? p.lines.filter((l) => !toc.lines.has(l)) : p.lines;
      const roles = assignRoles(lines, type.bodySize);
      const starts = noteStarts(lines, roles);
      for (const { line, region, table } of readingOrder(lines))
        flow.push({
          line,
          region,
          role: roles.get(line) ?? 'body',
          level: 0,
          ...(starts.has(line) ? { noteStart: true } : {}),
          ...(table ? { table } : {}),
        });
    }
    const lineNumbers = listingLineNumbers(flow);
    if (lineNumbers.size > 0) {
      const kept = flow.filter((_, i) => !lineNumbers.has(i));
      flow.length = 0;
      flow.push(...kept);
    }
    const entries: OutlineEntry[] =
      bookmarks.length >= 3
        ? bookmarks
        : (toc?.entries.map((e) => ({
            title: e.title,
            level: e.level,
            pageIndex: null,
            pageLabel: e.page,
          })) ?? []);
    const matched = applyOutline(flow, entries, (page) => pageLabels[page - 1] ?? String(page));
    const deepest = matched > 0 ? Math.max(...entries.map((e) => e.level)) : 0;
    detectHeadings(flow, type, deepest);

    const vertical = flow.filter((f) => f.line.vertical).length > flow.length / 2;
    const warnings: string[] = [];
    if (lineNumbers.size > 0)
      warnings.push(`${lineNumbers.size} line numbers of code listings left out of the text`);
    if (empty.length > 0 && empty.length < pages.length)
      warnings.push(
        `${empty.length} page(s) without text (images only): ${empty.slice(0, 10).join(', ')}${empty.length > 10 ? ' …' : ''}`,
      );
    const info = meta?.info ?? null;
    return {
      format: 'pdf',
      encoding: 'pdf',
      title: infoString(info, 'Title'),
      publisher: null,
      author: infoString(info, 'Author'),
      date: null,
      writingMode: vertical ? 'vertical' : 'horizontal',
      blocks: assembleBlocks(flow, type),
      pageLabels,
      warnings,
    };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

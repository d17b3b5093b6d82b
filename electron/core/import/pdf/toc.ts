// A printed table of contents (目次, Contents): recognised, taken out of the body, and
// used for the outline. A TOC page is one whose lines are mostly entries — a title,
// leader dots (…, ‥, ・・・, . . .) or a wide gap, then a page number — starting at a
// page that carries a TOC title (目次, 目\u3000次, もくじ, Contents, Table of Contents) and
// continuing while the following pages are still mostly entries. An entry's level is
// its indentation (distinct left edges, smallest first).
import type { Line } from './lines';
import type { PageLines } from './furniture';

export interface TocEntry {
  title: string;
  /** Printed page label the entry points to. */
  page: string;
  level: number;
}

const TOC_TITLE = /^(?:目\s*次|もくじ|contents|table\s+of\s+contents|目\s*録)$/i;
const LEADERS = /[\s.．・･…‥·⋯_\-－—]{2,}$|[.．・･…‥·⋯]+\s*$/;
const PAGE_REF = /^(.*?)(?:[\s.．・･…‥·⋯_－—-]*)\s*([0-9０-９]{1,4}|[ivxlc]{1,6})$/i;

/** Leader dots: three or more dots, middle dots or ellipses, spaced or not. */
const LEADER_RUN = /(?:[.．・･…‥·⋯_]\s?){3,}|[…‥]{2,}/;

function entryOf(text: string): { title: string; page: string; leaders: boolean } | null {
  const m = PAGE_REF.exec(text.trim());
  if (!m?.[1] || !m[2]) return null;
  const title = m[1].replace(LEADERS, '').trim();
  if (title.length === 0) return null;
  return { title, page: m[2], leaders: LEADER_RUN.test(text) };
}

/** Lines of one page grouped by row (a row split at a gutter is one entry: title + number). */
function rows(lines: readonly Line[]): Line[][] {
  const byRow = new Map<number, Line[]>();
  for (const l of lines) byRow.set(l.row, [...(byRow.get(l.row) ?? []), l]);
  return [...byRow.values()]
    .map((r) => r.sort((a, b) => a.x0 - b.x0))
    .sort((a, b) => a[0]!.y0 - b[0]!.y0);
}

interface Candidate {
  x: number;
  title: string;
  page: string;
  lines: Line[];
}

export function pageEntries(page: PageLines): {
  entries: Candidate[];
  titled: boolean;
  total: number;
} {
  const result: Candidate[] = [];
  let titled = false;
  let pending: { x: number; text: string; lines: Line[] } | null = null;
  const all = rows(page.lines);
  for (const row of all) {
    const text = row.map((l) => l.text).join(' ');
    if (isTocTitle(text)) {
      titled = true;
      continue;
    }
    const entry = entryOf(text);
    if (entry && (row.length > 1 || entry.leaders)) {
      const x = pending?.x ?? row[0]!.x0;
      const title = pending ? `${pending.text}${entry.title}` : entry.title;
      result.push({ x, title, page: entry.page, lines: [...(pending?.lines ?? []), ...row] });
      pending = null;
    } else if (!pending) pending = { x: row[0]!.x0, text, lines: row };
    else pending = null; // two lines without a page number: not an entry
  }
  return { entries: result, titled, total: all.length };
}

export interface PrintedToc {
  entries: TocEntry[];
  /** Lines of the TOC pages (all of them leave the body). */
  lines: Set<Line>;
  pages: number[];
}

/** Whether a line is a TOC title (目次, Contents …). */
export function isTocTitle(text: string): boolean {
  return TOC_TITLE.test(text.replace(/[\s\u3000]+/g, ' ').trim());
}

/**
 * `titledPages`: pages known to carry a TOC title although it is not among their lines
 * (a 目次 title repeated at the top of every TOC page reads as a running head).
 */
export function findPrintedToc(
  pages: readonly PageLines[],
  titledPages: ReadonlySet<number> = new Set(),
): PrintedToc | null {
  const found: Candidate[] = [];
  const lines = new Set<Line>();
  const tocPages: number[] = [];
  let open = false;
  for (const page of pages.slice(0, Math.max(12, Math.ceil(pages.length * 0.15)))) {
    const { entries, titled: hasTitle, total } = pageEntries(page);
    const titled = hasTitle || titledPages.has(page.page);
    const mostly =
      entries.length >= 3 &&
      entries.reduce((n, e) => n + 1 + (e.lines.length > 1 ? 1 : 0), 0) >= total * 0.5;
    if ((titled || open) && mostly) {
      open = true;
      found.push(...entries);
      tocPages.push(page.page);
      for (const l of page.lines) lines.add(l);
    } else if (open) break;
  }
  if (found.length === 0) return null;
  const indents = [...new Set(found.map((e) => Math.round(e.x / 4)))].sort((a, b) => a - b);
  const levelOf = new Map(indents.map((x, i) => [x, Math.min(6, i + 1)]));
  return {
    entries: found.map((e) => ({
      title: e.title,
      page: e.page.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
      level: levelOf.get(Math.round(e.x / 4)) ?? 1,
    })),
    lines,
    pages: tocPages,
  };
}

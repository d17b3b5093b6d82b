export {};
import fs from 'node:fs';
import { openPdf } from '../../electron/core/import/pdf/pdfjs';
import { pageRuns, type FontInfo } from '../../electron/core/import/pdf/page-text';
import { runsToLines } from '../../electron/core/import/pdf/lines';
import { findPrintedToc } from '../../electron/core/import/pdf/toc';
const [file, from, to] = process.argv.slice(2);
const doc = await openPdf(new Uint8Array(fs.readFileSync(file!)), 'x');
const pages = [];
for (let n = Number(from); n <= Number(to); n++) {
  const page = await doc.getPage(n);
  const { runs, width, height } = await pageRuns(page, new Map<string, FontInfo>());
  const lines = runsToLines(runs, n);
  pages.push({ page: n, width, height, lines });
  console.log(
    'page',
    n,
    lines.slice(0, 6).map((l) => `${l.row}:${l.text.slice(0, 40)}`),
  );
}
const toc = findPrintedToc(pages);
console.log(toc?.pages, toc?.entries.slice(0, 10));
import { pageEntries } from '../../electron/core/import/pdf/toc';
for (const p of pages) {
  const r = pageEntries(p);
  console.log(p.page, r.entries.length, r.titled, r.total);
}
const p5 = pages.find((p) => p.page === 5)!;
const byRow = new Map<number, string[]>();
for (const l of p5.lines) byRow.set(l.row, [...(byRow.get(l.row) ?? []), JSON.stringify(l.text)]);
console.log([...byRow.values()].slice(0, 8));

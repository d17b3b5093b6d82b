export {};
import fs from 'node:fs';
import { openPdf } from '../../electron/core/import/pdf/pdfjs';
import { pageRuns, type FontInfo } from '../../electron/core/import/pdf/page-text';
import { runsToLines } from '../../electron/core/import/pdf/lines';
import { readingOrder } from '../../electron/core/import/pdf/order';
const [file, pageNo] = process.argv.slice(2);
const doc = await openPdf(new Uint8Array(fs.readFileSync(file!)), 'x');
const page = await doc.getPage(Number(pageNo));
const { runs } = await pageRuns(page, new Map<string, FontInfo>());
for (const { line: l, region } of readingOrder(
  runsToLines(runs, 1).filter((l) => l.y0 > 60 && l.y0 < 790),
))
  console.log(
    region,
    l.x0.toFixed(0),
    l.y0.toFixed(0),
    l.x1.toFixed(0),
    l.vertical ? 'V' : '',
    l.text.slice(0, 30),
  );

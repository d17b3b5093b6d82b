export {};
import fs from 'node:fs';
import { openPdf } from '../../electron/core/import/pdf/pdfjs';
import { pageRuns, type FontInfo } from '../../electron/core/import/pdf/page-text';
import { runsToLines } from '../../electron/core/import/pdf/lines';
const [file, pageNo, mode] = process.argv.slice(2);
const doc = await openPdf(new Uint8Array(fs.readFileSync(file!)), 'x');
const fonts = new Map<string, FontInfo>();
const page = await doc.getPage(Number(pageNo));
const { runs, width, height } = await pageRuns(page, fonts);
console.log(width, height, fonts);
if (mode === 'runs') for (const r of runs.slice(0, 40)) console.log(JSON.stringify(r));
else
  for (const l of runsToLines(runs, 1))
    console.log(
      l.x0.toFixed(0),
      l.y0.toFixed(0),
      l.x1.toFixed(0),
      l.y1.toFixed(0),
      l.size,
      l.font,
      l.vertical ? 'V' : '',
      l.text.slice(0, 60),
    );

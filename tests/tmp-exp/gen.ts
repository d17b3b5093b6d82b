import fs from 'node:fs';
import { printPdf, withBrowser } from '../fixtures/import/layout';
import { fixtureSpec } from '../fixtures/import/specs';
await withBrowser(async (b) => {
  for (const layout of ['one-column', 'two-column', 'vertical'] as const) {
    const { pdf, truth } = await printPdf(b, fixtureSpec(layout));
    fs.writeFileSync(`/tmp/exp/${layout}.pdf`, pdf);
    fs.writeFileSync(`/tmp/exp/${layout}.json`, JSON.stringify(truth, null, 1));
    console.log(layout, pdf.length, truth.pageCount);
  }
});

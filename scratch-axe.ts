import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './tests/e2e/testing/browser';
import { startEdition } from './tests/e2e/testing/server';
import { openReader, callApi } from './tests/e2e/testing/reader-page';
import { buildRenderer } from './tests/e2e/testing/build';

if (process.env.SKIP_BUILD !== '1') await buildRenderer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'axe-'));
const ed = await startEdition(dir);
const b = await launchChromium();
const src = fs.readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
async function run(page: any, name: string) {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(src);
  const res = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({id: v.id, impact: v.impact, n: v.nodes.length, nodes: v.nodes.slice(0,6).map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\\s+/g,' ').slice(0, 160))})))`);
  console.log('==', name, JSON.stringify(res, null, 1));
}
try {
  const page = await openReader(b.context, ed.url);
  await run(page, 'first');
  await page.keyboard.press('Control+f');
  await page.keyboard.insertText('半導体');
  await page.waitForSelector('#search-results[data-query="半導体"]');
  await run(page, 'results');
  await page.keyboard.press('Enter');
  await page.waitForSelector('main mark.hit.current');
  await run(page, 'opened');
  await page.click('#tab-bookmarks');
  await run(page, 'bookmarks');
  const p = await page.getAttribute('main article p[data-paragraph-id]', 'data-paragraph-id');
  await callApi(page, 'addAnnotation', { startParagraphId: p, startOffset: 0, endOffset: 5, color: 'green', note: 'ノート\n二行目' });
  await page.click('#tab-notes');
  await page.reload(); await page.waitForSelector('main h1');
  await page.click('button[aria-controls="side-panel"]');
  await page.click('#tab-notes');
  await page.waitForSelector('#notes-list li');
  await run(page, 'notes');
  await page.click('#notes-list button.edit');
  await page.waitForSelector('dialog.editor[open]');
  await run(page, 'editor');
  await page.keyboard.press('Escape');
  await page.click('button[aria-pressed]:has-text("縦書き")');
  await run(page, 'vertical');
  for (const th of ['sepia', 'dark']) { await page.selectOption('header select', th); await run(page, th); }
} finally { await b.close(); await ed.stop(); }

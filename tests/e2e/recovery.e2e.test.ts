// A damaged user database never stops the reader: the host sets it aside and says
// so; the reader shows the notice and still opens the text. And notes leave the app
// and come back: the メモ panel's JSON-LD export re-imports into a fresh profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Annotation, SectionView, TocEntry } from '../../electron/common/api/types';
import { launchChromium, type LaunchedBrowser } from './support/browser';
import { startEdition, type RunningEdition } from './support/server';
import { callApi, openReader, screenshot } from './support/reader-page';

let browser: LaunchedBrowser;
const running: RunningEdition[] = [];
const dirs: string[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hakusho-e2e-${name}-`));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const edition of running) await edition.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

it('shows the notice about a corrupt user database and still reads', async () => {
  const userData = tempDir('corrupt');
  fs.writeFileSync(path.join(userData, 'user.sqlite'), 'this is not a database'.repeat(100));
  const edition = await startEdition(userData);
  running.push(edition);
  const page = await openReader(browser.context, edition.url);
  const notice = page.locator('.notices[role="alert"]');
  await notice.waitFor();
  expect((await notice.textContent())?.length ?? 0).toBeGreaterThan(10);
  expect(await page.locator('main article h1').count()).toBe(1);
  await screenshot(page, 'notice-recovered');
  await page.click('.notices button.dismiss');
  await expect.poll(() => notice.count()).toBe(0);
  await page.close();
});

it('exports notes as JSON-LD from the panel and imports them into a fresh profile', async () => {
  const first = await startEdition(tempDir('export'));
  running.push(first);
  let page = await openReader(browser.context, first.url);
  const toc = await callApi<TocEntry[]>(page, 'getToc');
  let section: SectionView | undefined;
  for (const entry of toc) {
    const view = await callApi<SectionView>(page, 'getSection', { id: entry.id });
    if (view.paragraphs.length > 0) {
      section = view;
      break;
    }
  }
  if (!section) throw new Error('no section with text');
  const paragraph = section.paragraphs[0]!;
  await callApi(page, 'addAnnotation', {
    startParagraphId: paragraph.id,
    startOffset: 0,
    endParagraphId: paragraph.id,
    endOffset: Math.min(12, paragraph.text.length),
    color: 'pink',
    note: '書き出して読み込むメモ',
    tags: ['移行'],
  });
  await page.reload();
  await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click('#tab-notes');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#notes-list button:has-text("JSON-LD")'),
  ]);
  const file = path.join(tempDir('download'), download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  expect(JSON.stringify(exported)).toContain('書き出して読み込むメモ');
  await page.close();

  const second = await startEdition(tempDir('import'));
  running.push(second);
  page = await openReader(browser.context, second.url);
  expect(await callApi<Annotation[]>(page, 'listAnnotations')).toEqual([]);
  await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click('#tab-notes');
  await page.setInputFiles('#notes-list input[type="file"]', file);
  const item = page.locator('#notes-list li[data-annotation]');
  await item.first().waitFor();
  expect(await item.first().textContent()).toContain('書き出して読み込むメモ');
  const imported = await callApi<Annotation[]>(page, 'listAnnotations');
  expect(imported.map((a) => [a.note, a.color, a.tags, a.target?.quote.exact])).toEqual([
    ['書き出して読み込むメモ', 'pink', ['移行'], paragraph.text.slice(0, 12)],
  ]);
  await page.close();
});

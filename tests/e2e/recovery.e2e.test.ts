// A damaged user database never stops the reader: the host sets it aside and says
// so; the reader shows the notice and still opens the text. And notes leave the app
// and come back: the メモ panel's JSON-LD export re-imports into a fresh profile.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Annotation, SectionView, TocEntry } from '../../electron/common/api/types';
import { useE2eSession } from './testing/session';
import { callApi, openReader, screenshot } from './testing/reader-page';

const session = useE2eSession();
const { tempDir } = session;

it('shows the notice about a corrupt user database and still reads', async () => {
  const userData = tempDir('corrupt');
  fs.writeFileSync(path.join(userData, 'user.sqlite'), 'this is not a database'.repeat(100));
  const edition = await session.start(userData);
  const page = await openReader(session.browser.context, edition.url);
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
  const first = await session.start(tempDir('export'));
  let page = await openReader(session.browser.context, first.url);
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

  const second = await session.start(tempDir('import'));
  page = await openReader(session.browser.context, second.url);
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

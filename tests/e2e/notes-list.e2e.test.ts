// The メモ and しおり lists with 10,000 notes (as after a large import) draw only the
// rows near the view: the rows in the page stay under a bound however far the list is
// scrolled or walked with the keyboard, while each row still says its place in the
// whole list to screen readers (aria-posinset of aria-setsize), the order is the one
// chosen, and a row opens its passage.
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Annotation, SectionView, TocEntry } from '../../electron/common/api/types';
import { MAX_DRAWN_ROWS } from '../../renderer/src/lib/notes/row-window';
import { sortNotes } from '../../renderer/src/lib/notes/order';
import { useE2eSession } from './testing/session';
import { importManyNotes } from './testing/many-notes';
import { callApi, openReader } from './testing/reader-page';

const session = useE2eSession();
const COUNT = 10_000;

const rows = (page: Page) => page.locator('#notes-list li[data-annotation]');

/** The focused row's place (aria-posinset), or null when focus is not in a row. */
const focusedRow = (page: Page) =>
  page.evaluate<string | null>(
    `document.activeElement?.closest('li[data-row]')?.getAttribute('aria-posinset') ?? null`,
  );

it('draws a bounded number of rows of 10,000 notes, walks them from the keyboard, keeps the order and opens a passage', async () => {
  const edition = await session.start(path.join(session.tempDir('notes-list'), 'profile'));
  await importManyNotes(edition, COUNT);
  const page = await openReader(session.browser.context, edition.url);
  // One note that has its passage, the newest of all.
  let view: SectionView | undefined;
  for (const entry of (await callApi<TocEntry[]>(page, 'getToc')).slice(1)) {
    view = await callApi<SectionView>(page, 'getSection', { id: entry.id });
    if (view.paragraphs.length > 0) break;
  }
  const p = view!.paragraphs[0]!;
  const placed = await callApi<Annotation>(page, 'addAnnotation', {
    startParagraphId: p.id,
    startOffset: 0,
    endParagraphId: p.id,
    endOffset: Math.min(6, p.text.length),
    color: 'blue',
    note: '一覧から開く',
  });
  await page.reload();
  await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click('#tab-notes');
  await rows(page).first().waitFor();

  // Bounded, and each row placed in the whole list.
  expect(await rows(page).count()).toBeLessThanOrEqual(MAX_DRAWN_ROWS);
  expect(await rows(page).count()).toBeGreaterThan(3);
  expect(await rows(page).first().getAttribute('aria-setsize')).toBe(String(COUNT + 1));
  expect(await rows(page).first().getAttribute('aria-posinset')).toBe('1');
  const all = await callApi<Annotation[]>(page, 'listAnnotations');
  expect(await rows(page).first().getAttribute('data-annotation')).toBe(all[0]!.id);

  // Scrolled to the end: other rows, still bounded; the last one is the list's last.
  await page.evaluate(`(() => {
    const box = document.querySelector('#side-panel .body');
    box.scrollTop = box.scrollHeight;
  })()`);
  await expect.poll(() => rows(page).last().getAttribute('aria-posinset')).toBe(String(COUNT + 1));
  expect(await rows(page).count()).toBeLessThanOrEqual(MAX_DRAWN_ROWS);
  expect(await rows(page).last().getAttribute('data-annotation')).toBe(all.at(-1)!.id);

  // The keyboard: one tab stop in the list; ↓, End and Home move through all of it.
  await page.evaluate(`document.querySelector('#side-panel .body').scrollTop = 0`);
  await expect.poll(() => rows(page).first().getAttribute('aria-posinset')).toBe('1');
  await rows(page).first().locator('button.open').focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(page)).toBe('2');
  await page.keyboard.press('End');
  await expect.poll(() => focusedRow(page)).toBe(String(COUNT + 1));
  expect(await rows(page).count()).toBeLessThanOrEqual(MAX_DRAWN_ROWS);
  await page.keyboard.press('Home');
  await expect.poll(() => focusedRow(page)).toBe('1');
  const tabStops = await page.evaluate<number>(
    `document.querySelectorAll('#notes-list li button.open[tabindex="0"]').length`,
  );
  expect(tabStops).toBe(1);

  // Newest first: the order the app sorts by, the new note on top; it opens its passage.
  await page.click('#notes-list .order button:has-text("新しい順")');
  const newest = sortNotes(all, 'date');
  expect(newest[0]!.id).toBe(placed.id);
  await expect.poll(() => rows(page).first().getAttribute('data-annotation')).toBe(placed.id);
  expect(await rows(page).count()).toBeLessThanOrEqual(MAX_DRAWN_ROWS);
  await rows(page).first().locator('button.open').click();
  await page.waitForSelector(`main .scroller[data-section-id="${placed.sectionId}"]`);
  await page.waitForSelector(`main mark.hl[data-annotation-id="${placed.id}"]`);
  await page.close();
}, 300_000);

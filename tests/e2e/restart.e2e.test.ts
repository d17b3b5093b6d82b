// Where the reader's state lives: preferences, the reading position and notes are
// kept by the host in user.sqlite, not in the browser. A new host on a new port (a new
// origin, so any localStorage would be gone) must bring back the section, the
// scroll position, the theme and the writing direction, and a bookmark of a place in
// the text must open that place again.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Bookmark } from '../../electron/common/api/types';
import { useE2eSession } from './testing/session';
import {
  callApi,
  currentSectionId,
  longestSection,
  screenshot,
  openReader,
  scrollFraction,
  scrollInto,
  theme,
  writingMode,
} from './testing/reader-page';

const session = useE2eSession({ viewport: { width: 1100, height: 700 } });

/** Where a paragraph's box is against the start of the view (vertical-rl: its right edge). */
function paragraphAtStart(page: Page, paragraphId: string): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const box = document.querySelector('main .scroller').getBoundingClientRect();
    const p = document.querySelector('main p[data-paragraph-id="${paragraphId}"]');
    if (!p) return false;
    const r = p.getBoundingClientRect();
    // The paragraph reaches across the first 40 px of the view.
    return r.right >= box.right - 40 && r.left <= box.right - 1;
  })()`);
}

it('restores section, scroll, theme, writing mode and notes after a restart on a new port', async () => {
  const userData = session.tempDir('restart');
  let edition = await session.start(userData);
  const firstPort = edition.port;
  let page = await openReader(session.browser.context, edition.url);

  // The longest section, so there is room to scroll.
  const longest = await longestSection(page);
  await page.click(`#outline a[data-section-id="${longest.id}"]`);
  await page.waitForSelector(`main .scroller[data-section-id="${longest.id}"]`);
  // A highlight with a note on the first paragraph (kept in user.sqlite too).
  const paragraph = longest.paragraphs[0]!;
  await page.evaluate(`(() => {
    const p = document.querySelector('main article p[data-paragraph-id="${paragraph.id}"]');
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  })()`);
  await page.click('.selbar .note-button');
  await page.locator('.note-sheet textarea').fill('再起動後も残るメモ');
  await page.click('.note-sheet button[type="submit"]');
  await page.locator(`main article p[data-paragraph-id="${paragraph.id}"] .hl`).first().waitFor();

  await page.click('header button[aria-controls="display-settings"]');
  await page.click('[data-theme-choice="dark"]');
  await page.keyboard.press('Escape');
  await page.click('button[aria-pressed]:has-text("縦書き")');
  expect(await writingMode(page)).toBe('vertical-rl');

  // Scroll part of the way along the text and wait until the host has it.
  const saved = page.waitForRequest(
    (r) => r.url().endsWith('/api/setPosition') && JSON.parse(r.postData() ?? '{}').scroll > 0,
  );
  await scrollInto(page, longest.id, 0.4);
  await (await saved).response();
  const fractionBefore = await scrollFraction(page, longest.id);
  expect(fractionBefore).toBeGreaterThan(0.2);
  // A bookmark of this place (Ctrl+D): a paragraph and an offset, not just the section.
  await page.locator('main .scroller').focus();
  await page.keyboard.press('Control+d');
  await expect.poll(() => page.getAttribute('button.bookmark', 'aria-pressed')).toBe('true');
  const [bookmark] = await callApi<Bookmark[]>(page, 'listBookmarks');
  expect(bookmark?.sectionId).toBe(longest.id);
  expect(bookmark?.paragraphId).not.toBeNull();
  expect(bookmark?.excerpt.length).toBeGreaterThan(0);
  expect(await paragraphAtStart(page, bookmark!.paragraphId!)).toBe(true);
  await page.close();
  await edition.stop();

  edition = await session.start(userData);
  expect(edition.port).not.toBe(firstPort);
  page = await openReader(session.browser.context, edition.url);
  expect(await currentSectionId(page)).toBe(longest.id);
  expect(await theme(page)).toBe('dark');
  expect(await writingMode(page)).toBe('vertical-rl');
  await expect.poll(() => scrollFraction(page, longest.id)).toBeGreaterThan(fractionBefore - 0.05);
  expect(await scrollFraction(page, longest.id)).toBeLessThan(fractionBefore + 0.05);
  // The highlight is drawn again and its note is there.
  const highlight = page.locator(`main article p[data-paragraph-id="${paragraph.id}"] .hl`);
  await highlight.first().waitFor({ state: 'attached' });
  expect((await highlight.allTextContents()).join('')).toBe(paragraph.text);
  const stored = await callApi<{ note: string }[]>(page, 'listAnnotations');
  expect(stored.map((a) => a.note)).toEqual(['再起動後も残るメモ']);

  // The bookmark, from elsewhere: the 栞 list opens its paragraph at the start of the view.
  const first = await callApi<{ id: string }[]>(page, 'getToc');
  await page.click(`#outline a[data-section-id="${first[0]!.id}"]`);
  await page.waitForSelector(`main .scroller[data-section-id="${first[0]!.id}"]`);
  expect(await paragraphAtStart(page, bookmark!.paragraphId!)).toBe(false);
  await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click('#tab-bookmarks');
  await page.click(`#bookmark-list li[data-bookmark-paragraph="${bookmark!.paragraphId}"] .open`);
  await page.waitForSelector(`main .scroller[data-section-id="${longest.id}"]`);
  await expect.poll(() => paragraphAtStart(page, bookmark!.paragraphId!)).toBe(true);
  await screenshot(page, 'bookmark-reopened');
  await page.close();
});

it('paints a start in the reader’s paper before the app’s script has run', async () => {
  const edition = await session.start(session.tempDir('first-paint'));
  const setup = await openReader(session.browser.context, edition.url);
  /** The page's background at its first paint: the app's script is never loaded. */
  const firstPaper = async (colorScheme: 'light' | 'dark'): Promise<string> => {
    const page = await session.browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto(edition.url);
    const paper = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(await page.locator('#app').innerHTML()).toBe('');
    await page.close();
    return paper;
  };
  await callApi(setup, 'setPrefs', { theme: 'sepia' });
  expect(await firstPaper('light')).toBe('rgb(245, 236, 217)'); // PAPER_COLORS.sepia
  await callApi(setup, 'setPrefs', { theme: 'dark' });
  expect(await firstPaper('light')).toBe('rgb(30, 31, 34)'); // PAPER_COLORS.dark
  // 'system' follows the OS until the app has resolved it.
  await callApi(setup, 'setPrefs', { theme: 'system' });
  expect(await firstPaper('dark')).toBe('rgb(30, 31, 34)');
  expect(await firstPaper('light')).toBe('rgb(253, 252, 249)'); // PAPER_COLORS.light
  await setup.close();
  await edition.stop();
});

it('paints a reload in the reader’s paper too, before the app’s script has run', async () => {
  const edition = await session.start(session.tempDir('reload-paint'));
  const setup = await openReader(session.browser.context, edition.url);
  await callApi(setup, 'setPrefs', { theme: 'sepia', language: 'en' });
  await setup.close();
  // The page's scripts: the classic one (the first paint's) and the app's modules.
  const html = await (await fetch(new URL('/', edition.url))).text();
  const firstPaint = /<script src="\.\/([^"]+)"><\/script>/.exec(html)?.[1];
  expect(firstPaint).toMatch(/^assets\/.+\.js$/);
  const page = await openReader(session.browser.context, edition.url);
  // The token is out of the address bar: a reload is served the page any client gets.
  expect(page.url()).not.toContain('token');
  await page.route('**/assets/*.js', (route) =>
    route.request().url().endsWith(`/${firstPaint}`) ? route.continue() : route.abort(),
  );
  await page.reload();
  expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe(
    'rgb(245, 236, 217)', // PAPER_COLORS.sepia
  );
  expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
  expect(await page.locator('#app').innerHTML()).toBe('');
  // Another tab has kept nothing: it is served, and paints, the default page.
  const other = await session.browser.context.newPage();
  await other.route('**/assets/*.js', (route) =>
    route.request().url().endsWith(`/${firstPaint}`) ? route.continue() : route.abort(),
  );
  await other.goto(new URL('/', edition.url).href);
  expect(await other.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe(
    'rgb(253, 252, 249)', // PAPER_COLORS.light
  );
  await other.close();
  await page.close();
  await edition.stop();
});

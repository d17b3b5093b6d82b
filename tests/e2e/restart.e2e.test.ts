// Where the reader's state lives: preferences, the reading position and notes are
// kept by the host in user.sqlite, not in the browser. A new host on a new port (a new
// origin, so any localStorage would be gone) must bring back the section, the
// scroll position, the theme and the writing direction.
import { expect, it } from 'vitest';
import { useE2eSession } from './testing/session';
import {
  callApi,
  currentSectionId,
  longestSection,
  openReader,
  scrollFraction,
  theme,
  writingMode,
} from './testing/reader-page';

const session = useE2eSession({ viewport: { width: 1100, height: 700 } });

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
  await page.locator('dialog.editor[open] textarea').fill('再起動後も残るメモ');
  await page.click('dialog.editor[open] button[type="submit"]');
  await page.locator(`main article p[data-paragraph-id="${paragraph.id}"] .hl`).first().waitFor();

  await page.selectOption('header select', 'dark');
  await page.click('button[aria-pressed]:has-text("縦書き")');
  expect(await writingMode(page)).toBe('vertical-rl');

  // Scroll part of the way along the text and wait until the host has it.
  const saved = page.waitForRequest(
    (r) => r.url().endsWith('/api/setPosition') && JSON.parse(r.postData() ?? '{}').scroll > 0,
  );
  await page.evaluate(`(() => {
    const box = document.querySelector('main .scroller');
    box.scrollLeft = -Math.round((box.scrollWidth - box.clientWidth) * 0.4);
  })()`);
  await (await saved).response();
  const fractionBefore = await scrollFraction(page);
  expect(fractionBefore).toBeGreaterThan(0.2);
  await page.close();
  await edition.stop();

  edition = await session.start(userData);
  expect(edition.port).not.toBe(firstPort);
  page = await openReader(session.browser.context, edition.url);
  expect(await currentSectionId(page)).toBe(longest.id);
  expect(await theme(page)).toBe('dark');
  expect(await writingMode(page)).toBe('vertical-rl');
  await expect.poll(() => scrollFraction(page)).toBeGreaterThan(fractionBefore - 0.05);
  expect(await scrollFraction(page)).toBeLessThan(fractionBefore + 0.05);
  // The highlight is drawn again and its note is there.
  const highlight = page.locator(`main article p[data-paragraph-id="${paragraph.id}"] .hl`);
  await highlight.first().waitFor({ state: 'attached' });
  expect((await highlight.allTextContents()).join('')).toBe(paragraph.text);
  const stored = await callApi<{ note: string }[]>(page, 'listAnnotations');
  expect(stored.map((a) => a.note)).toEqual(['再起動後も残るメモ']);
  await page.close();
});

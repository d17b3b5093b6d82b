// The reader in headless Chromium against the real browser edition: outline, reading
// a section, search with highlighted hits, IME composition, display toggles, copy
// with citation, keyboard, the CSP, and screenshots for review and for the README.
import { beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Prefs, SearchResponse, SectionView, TocEntry } from '../../electron/common/api/types';
import { DEFAULT_PREFS } from './testing/prefs';
import type { RunningEdition } from './testing/server';
import { useE2eSession } from './testing/session';
import {
  callApi,
  cspViolations,
  currentSectionId,
  loadAtSection,
  nextFrames,
  openReader,
  pageErrors,
  screenshot,
  theme,
  writingMode,
} from './testing/reader-page';

const session = useE2eSession();
let edition: RunningEdition;
let page: Page;
let toc: TocEntry[];

beforeAll(async () => {
  edition = await session.start(session.tempDir('reader'));
  page = await openReader(session.browser.context, edition.url);
  toc = await callApi<TocEntry[]>(page, 'getToc');
});

beforeEach(async () => {
  // Every test starts from the stored defaults at the first section.
  await callApi(page, 'setPrefs', DEFAULT_PREFS);
  await callApi(page, 'setPosition', { sectionId: toc[0]!.id, scroll: 0 });
  await loadAtSection(page, edition.origin, toc[0]!.id);
});

afterEach(async () => {
  expect(await cspViolations(page)).toEqual([]);
  expect(await pageErrors(page)).toEqual([]);
});

function partThree(): TocEntry {
  const entry = toc.find((e) => e.title.startsWith('3．'));
  if (!entry) throw new Error('no section titled 3．… in the outline');
  return entry;
}

async function openFromOutline(id: string): Promise<void> {
  await page.click(`#outline a[data-section-id="${id}"]`);
  await page.waitForSelector(`main .scroller[data-section-id="${id}"]`);
}

/** Opens the display settings (表示) unless they are open. */
async function openDisplay(): Promise<void> {
  if (await page.isVisible('#display-settings')) return;
  await page.click('header button[aria-controls="display-settings"]');
  await page.waitForSelector('#display-settings');
}

async function typeQuery(query: string): Promise<void> {
  await page.keyboard.press('Control+f');
  await page.keyboard.insertText(query);
  await page.waitForSelector(`#search-results[data-query="${query}"]`);
}

describe('outline and reading', () => {
  it('shows every section of the outline, in order, editorial ones marked', async () => {
    const links = page.locator('#outline a[data-section-id]');
    expect(await links.count()).toBe(toc.length);
    const ids = await links.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-section-id')),
    );
    expect(ids).toEqual(toc.map((e) => e.id));
    for (const entry of toc.filter((e) => e.editorial)) {
      const link = page.locator(`#outline a[data-section-id="${entry.id}"]`);
      expect(await link.getAttribute('title')).toBe('編集部による見出し');
      expect(await link.textContent()).toMatch(/^［.*］$/);
    }
    expect(await page.locator('nav#outline').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('search').count()).toBe(1);
  });

  it('opens 3． and shows its text, breadcrumb and neighbours', async () => {
    const entry = partThree();
    const view = await callApi<SectionView>(page, 'getSection', { id: entry.id });
    await openFromOutline(entry.id);
    expect(await page.textContent(`main [data-heading-for="${entry.id}"]`)).toBe(entry.title);
    const paragraphs = await page
      .locator(`main article section[data-section-id="${entry.id}"] p[data-paragraph-id]`)
      .evaluateAll((els) => els.map((el) => el.textContent));
    expect(paragraphs).toEqual(view.paragraphs.map((p) => p.text));
    expect(paragraphs.length).toBeGreaterThan(0);
    expect(
      await page.getAttribute(`#outline a[data-section-id="${entry.id}"]`, 'aria-current'),
    ).toBe('page');
    const crumbs = await page.locator('main nav.crumbs li').allTextContents();
    expect(crumbs.map((c) => c.trim())).toEqual(view.path);
    // Typography the design asks for, as computed by the browser.
    const style = await page.evaluate<Record<string, string>>(`(() => {
      const p = document.querySelector('main article p');
      const s = getComputedStyle(p);
      return { indent: s.textIndent, lineHeight: s.lineHeight, fontSize: s.fontSize,
               lineBreak: s.lineBreak, family: s.fontFamily };
    })()`);
    expect(style.indent).toBe(style.fontSize);
    expect(parseFloat(style.lineHeight!) / parseFloat(style.fontSize!)).toBeCloseTo(1.9, 1);
    expect(style.lineBreak).toBe('strict');
    expect(style.family).toContain('Noto Serif JP');
    await screenshot(page, 'reader-horizontal');
    // The bundled font is what renders the text (not boxes, not a fallback).
    await expect
      .poll(() =>
        page.evaluate<boolean>(
          `[...document.fonts].some((f) => f.family.includes('Noto Serif JP') && f.status === 'loaded')`,
        ),
      )
      .toBe(true);
  });

  it('moves between sections with ] and [ and Alt+arrows', async () => {
    const first = toc[0]!.id;
    const view = await callApi<SectionView>(page, 'getSection', { id: first });
    await page.locator('main .scroller').focus();
    await page.keyboard.press(']');
    await page.waitForSelector(`main .scroller[data-section-id="${view.next}"]`);
    await page.keyboard.press('[');
    await page.waitForSelector(`main .scroller[data-section-id="${first}"]`);
    // In the browser edition Alt+←/→ stay the browser's Back and Forward: the app leaves them.
    await page.keyboard.press('Alt+ArrowRight');
    await nextFrames(page);
    expect(await currentSectionId(page)).toBe(first);
    // Back (what Alt+← does in a browser window) walks the sections opened.
    await page.goBack();
    await page.waitForSelector(`main .scroller[data-section-id="${view.next}"]`);
  });
});

describe('search', () => {
  it('shows highlighted results for 半導体 and opens the section at the hit', async () => {
    const answer = await callApi<SearchResponse>(page, 'search', { query: '半導体', limit: 100 });
    const expected = answer.results;
    expect(expected.length).toBeGreaterThan(0);
    await typeQuery('半導体');
    expect(await page.isVisible('#side-panel')).toBe(true);
    const rows = page.locator('#search-results button.result');
    expect(await rows.count()).toBe(expected.length);
    const firstRow = rows.first();
    expect(await firstRow.locator('mark').first().textContent()).toBe('半導体');
    expect((await firstRow.locator('.count').textContent())?.trim()).toBe(
      `${expected[0]!.hits} 件`,
    );
    expect(await firstRow.locator('.path').textContent()).toBe(expected[0]!.path.join('›'));
    const hits = expected.reduce((n, r) => n + r.hits, 0);
    expect(hits).toBe(answer.totalHits);
    expect((await page.textContent('#search-results .summary'))?.trim()).toBe(
      `「半導体」 ${expected.length} 項目・${hits} 件`,
    );
    await screenshot(page, 'search-results');

    await page.keyboard.press('Enter');
    const target = expected[0]!;
    await page.waitForSelector(`main .scroller[data-section-id="${target.sectionId}"]`);
    const marks = page.locator(
      `main article section[data-section-id="${target.sectionId}"] mark.hit`,
    );
    await marks.first().waitFor();
    expect(await marks.count()).toBe(target.ranges.length);
    for (const text of await marks.allTextContents()) expect(text).toBe('半導体');
    // The section's first hit is current (outlined) and in view; hits are numbered for the
    // whole document.
    const first = answer.hits.findIndex((h) => h.sectionId === target.sectionId);
    const current = page.locator('main article mark.hit.current');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('data-hit')).toBe(String(first));
    expect(
      await page.evaluate<string>(
        `getComputedStyle(document.querySelector('main article mark.hit.current')).outlineStyle`,
      ),
    ).toBe('solid');
    await expect.poll(() => current.isVisible()).toBe(true);
    expect(await page.textContent('.hitbar-label')).toContain(`${first + 1}／${answer.totalHits}`);
    await screenshot(page, 'search-opened');
  });

  it('steps through every hit with next/previous', async () => {
    const answer = await callApi<SearchResponse>(page, 'search', { query: '半導体', limit: 100 });
    const expected = answer.results;
    const many = expected.find((r) => r.ranges.length > 1);
    if (!many) throw new Error('expected a section with several hits of 半導体');
    await typeQuery('半導体');
    await page.click(`#search-results button.result[data-section-id="${many.sectionId}"]`);
    await page.waitForSelector(
      `main .scroller[data-section-id="${many.sectionId}"] mark.hit.current`,
    );
    const first = answer.hits.findIndex((h) => h.sectionId === many.sectionId);
    const total = answer.totalHits;
    const currentHit = () => page.getAttribute('main mark.hit.current', 'data-hit');
    expect(await currentHit()).toBe(String(first));
    await page.keyboard.press('F3');
    await expect.poll(currentHit).toBe(String(first + 1));
    await page.click('.hitbar button[aria-label^="前の一致"]');
    await expect.poll(currentHit).toBe(String(first));
    // Shift+F3 goes on into the section before (or round to the document's last hit).
    await page.keyboard.press('Shift+F3');
    await expect.poll(currentHit).toBe(String((first - 1 + total) % total));
  });

  it('moves through results with ↑/↓, Esc returns to the field, Esc there closes the panel', async () => {
    await typeQuery('半導体');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate<string>('document.activeElement.dataset.resultIndex')).toBe('0');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate<string>('document.activeElement.dataset.resultIndex')).toBe('1');
    await page.keyboard.press('Escape');
    expect(await page.evaluate<string>('document.activeElement.type')).toBe('search');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.isVisible('#side-panel')).toBe(false);
  });

  it('says what was searched when nothing is found', async () => {
    await typeQuery('存在しない語句ですよ');
    const text = await page.textContent('#search-results');
    expect(text).toContain('「存在しない語句ですよ」は見つかりませんでした。');
    // One long word: a part of it, never fewer words.
    expect(text).toContain('語の一部で検索');
    expect(text).not.toContain('語を減らして');
    await page.fill('input[type="search"]', '');
    await typeQuery('半導体 存在しない語句');
    expect(await page.textContent('#search-results')).toContain('2 語すべてを含む項目はありません');
  });

  it('does not search while an IME is composing, nor open a result on the confirming Enter', async () => {
    const before = await currentSectionId(page);
    const searches: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/search(Notes)?$/.test(r.url())) searches.push(r.postData() ?? '');
    });
    await page.focus('input[type="search"]');
    const cdp = await session.browser.context.newCDPSession(page);
    // Kana being typed and converted: composition updates only.
    for (const text of [
      'は',
      'はん',
      'はんど',
      'はんどう',
      'はんどうた',
      'はんどうたい',
      '半導体',
    ]) {
      await cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      });
    }
    // The Enter that confirms the conversion reaches the page while composing.
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 229,
      nativeVirtualKeyCode: 229,
    });
    // The keydown has been handled and its effects painted: nothing was searched or opened.
    await nextFrames(page);
    expect(searches).toEqual([]);
    expect(await page.isVisible('#side-panel')).toBe(false);
    await cdp.send('Input.insertText', { text: '半導体' });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter' });
    await page.waitForSelector('#search-results[data-query="半導体"]');
    expect(new Set(searches.map((s) => JSON.parse(s).query))).toEqual(new Set(['半導体']));
    // Confirming the conversion opened nothing.
    expect(await currentSectionId(page)).toBe(before);
    await cdp.detach();
  });
});

describe('display', () => {
  it('switches theme and writing direction, with 縦中横 for short numbers', async () => {
    // A section whose text has short numbers (月, 日, 位 …), set upright in 縦書き.
    const views = await Promise.all(
      toc.map((e) => callApi<SectionView>(page, 'getSection', { id: e.id })),
    );
    const entry = views.find((v) =>
      v.paragraphs.some((p) => /(?<![0-9A-Za-z.])[0-9]{1,2}(?![0-9A-Za-z.])/.test(p.text)),
    );
    if (!entry) throw new Error('no section with a short number in its text');
    await openFromOutline(entry.id);

    const paper = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    const light = await paper();
    // The theme is a labelled group of pressed/unpressed buttons in 表示.
    await openDisplay();
    const themeGroup = page.locator('#display-settings [role="group"]:has([data-theme-choice])');
    const labelId = await themeGroup.getAttribute('aria-labelledby');
    expect(await page.textContent(`#${labelId}`)).toBe('テーマ');
    await page.click('[data-theme-choice="sepia"]');
    expect(await theme(page)).toBe('sepia');
    expect(await page.getAttribute('[data-theme-choice="sepia"]', 'aria-pressed')).toBe('true');
    const sepia = await paper();
    await page.click('[data-theme-choice="dark"]');
    expect(await theme(page)).toBe('dark');
    expect(new Set([light, sepia, await paper()]).size).toBe(3);
    expect((await callApi<Prefs>(page, 'getPrefs')).theme).toBe('dark');
    await page.keyboard.press('Escape');
    await screenshot(page, 'reader-dark');
    await openDisplay();
    await page.click('[data-theme-choice="light"]');
    await page.keyboard.press('Escape');

    await page.click('button[aria-pressed]:has-text("縦書き")');
    expect(await writingMode(page)).toBe('vertical-rl');
    const tcy = page.locator('main article p .tcy').first();
    expect(
      await page.evaluate<string>(
        `getComputedStyle(document.querySelector('main article p .tcy')).textCombineUpright`,
      ),
    ).toBe('all');
    expect(await tcy.textContent()).toMatch(/^[0-9]{1,2}$|^[0-9]{1,2}[＋+][0-9]{1,2}$/);
    expect((await callApi<Prefs>(page, 'getPrefs')).writingMode).toBe('vertical');
    await screenshot(page, 'reader-vertical');

    // The wheel and ↓ move along the lines: leftwards.
    const left = () => page.evaluate<number>(`document.querySelector('main .scroller').scrollLeft`);
    const scrollable = await page.evaluate<boolean>(
      `(() => { const b = document.querySelector('main .scroller'); return b.scrollWidth > b.clientWidth; })()`,
    );
    if (scrollable) {
      await page.mouse.move(640, 400);
      await page.mouse.wheel(0, 300);
      await expect.poll(left).toBeLessThan(0);
      const after = await left();
      await page.keyboard.press('ArrowDown');
      await expect.poll(left).toBeLessThan(after);
    }

    await page.click('button[aria-pressed]:has-text("横書き")');
    expect(await writingMode(page)).toBe('horizontal-tb');

    // Text size in presets with its unit shown; 明朝｜ゴシック; 和欧間スペース as a switch.
    await openDisplay();
    await page.click('#display-settings button[aria-label="A+ 文字を大きく"]');
    expect(
      await page.evaluate<string>(
        `getComputedStyle(document.querySelector('main article p')).fontSize`,
      ),
    ).toBe('18px');
    expect(await page.textContent('#display-settings output')).toBe('18 px');
    expect((await callApi<Prefs>(page, 'getPrefs')).fontSize).toBe(18);
    await page.click('#display-settings button[aria-pressed]:has-text("ゴシック")');
    await expect
      .poll(() =>
        page.evaluate<string>(
          `getComputedStyle(document.querySelector('main article p')).fontFamily`,
        ),
      )
      .toContain('Noto Sans JP');
    await page.click('#display-settings button[aria-pressed]:has-text("明朝")');
    const autospace = page.locator('#display-settings [role="switch"]');
    expect(await autospace.getAttribute('aria-checked')).toBe('true');
    await autospace.click();
    expect(await autospace.getAttribute('aria-checked')).toBe('false');
    await expect
      .poll(() =>
        page.evaluate<string>(
          `getComputedStyle(document.querySelector('main article.text')).textAutospace`,
        ),
      )
      .toBe('no-autospace');
    expect((await callApi<Prefs>(page, 'getPrefs')).autospace).toBe(false);
    await page.keyboard.press('Escape');
  });

  it('switches the interface to English and back', async () => {
    await page.click('header button:has-text("English")');
    expect(await page.getAttribute('input[type="search"]', 'placeholder')).toBe(
      'Search the text (Ctrl+F)',
    );
    expect(await page.getAttribute('nav#outline', 'aria-label')).toBe('Contents');
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    // The text itself stays Japanese.
    expect(await page.getAttribute('main article', 'lang')).toBe('ja');
    expect((await callApi<Prefs>(page, 'getPrefs')).language).toBe('en');
    await page.click('header button:has-text("日本語")');
    expect(await page.getAttribute('nav#outline', 'aria-label')).toBe('目次');
  });

  it('adds the source line when copying, and not when turned off', async () => {
    const entry = partThree();
    await openFromOutline(entry.id);
    expect(await page.locator('main article p[data-paragraph-id]').count()).toBeGreaterThan(0);
    const copy = () =>
      page.evaluate<string>(`(() => {
        const p = document.querySelector('main article section[data-section-id="${entry.id}"] p');
        const range = document.createRange();
        range.selectNodeContents(p);
        const sel = getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        let copied = '';
        const grab = (e) => { copied = e.clipboardData.getData('text/plain'); };
        document.addEventListener('copy', grab);
        document.execCommand('copy');
        document.removeEventListener('copy', grab);
        return copied;
      })()`);
    const view = await callApi<SectionView>(page, 'getSection', { id: entry.id });
    const withSource = await copy();
    // The quote in 「」, then its place in the book and METI's page (see glossary.e2e.test.ts).
    expect(withSource).toBe(
      `「${view.paragraphs[0]!.text}」\n出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」${view.title}（https://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html）`,
    );
    await page.click('button[aria-label="サイドパネルを表示／隠す"]');
    await page.uncheck('#side-panel input[type="checkbox"]');
    expect(await copy()).toBe('');
    // The choice is a preference kept in user.sqlite, like the others.
    await expect
      .poll(async () => (await callApi<{ copyCitation: boolean }>(page, 'getPrefs')).copyCitation)
      .toBe(false);
    await page.check('#side-panel input[type="checkbox"]');
    await expect
      .poll(async () => (await callApi<{ copyCitation: boolean }>(page, 'getPrefs')).copyCitation)
      .toBe(true);
  });

  it('turns the outline and the side panel into overlays on a narrow window', async () => {
    await page.setViewportSize({ width: 800, height: 700 });
    try {
      await expect.poll(() => page.isVisible('nav#outline')).toBe(false);
      await page.click('button[aria-controls="outline"]');
      await expect.poll(() => page.isVisible('nav#outline')).toBe(true);
      expect(
        await page.evaluate<string>(
          `getComputedStyle(document.querySelector('nav#outline')).position`,
        ),
      ).toBe('fixed');
      const target = toc[toc.length - 1]!.id;
      await page.click(`#outline a[data-section-id="${target}"]`);
      await page.waitForSelector(`main .scroller[data-section-id="${target}"]`);
      await expect.poll(() => page.isVisible('nav#outline')).toBe(false);
      await screenshot(page, 'reader-narrow');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('bookmarks a section with Ctrl+D, lists it, jumps to it, deletes it with undo', async () => {
    const entry = partThree();
    await openFromOutline(entry.id);
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.getAttribute('button.bookmark', 'aria-pressed')).toBe('true');
    await openFromOutline(toc[0]!.id);
    await page.click('button[aria-label="サイドパネルを表示／隠す"]');
    await page.click('#tab-bookmarks');
    const row = page.locator(`#bookmark-list li[data-bookmark-section="${entry.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(entry.title);
    await row.locator('button.open').click();
    await page.waitForSelector(`main .scroller[data-section-id="${entry.id}"]`);
    await row.locator('button[aria-label^="「"][aria-label$="を削除"]').click();
    await expect.poll(() => row.count()).toBe(0);
    await page.click('.toast button:has-text("元に戻す")');
    await row.waitFor();
    // Leave no bookmark behind for the other tests.
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.getAttribute('button.bookmark', 'aria-pressed')).toBe('false');
  });

  it('highlights a selection, adds a note and tags, finds the note in search, deletes with undo', async () => {
    const entry = partThree();
    await openFromOutline(entry.id);
    const view = await callApi<SectionView>(page, 'getSection', { id: entry.id });
    const paragraph = view.paragraphs[0]!;
    // Select characters 4..14 of the first paragraph (across marks and 縦中横 spans).
    await page.evaluate(`(() => {
      const p = document.querySelector('main article p[data-paragraph-id="${paragraph.id}"]');
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const points = [];
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent.length;
        for (const want of [4, 14]) {
          if (points.length < 2 && want >= seen && want <= seen + len && points.length === [4, 14].indexOf(want)) points.push([n, want - seen]);
        }
        seen += len;
      }
      const range = document.createRange();
      range.setStart(points[0][0], points[0][1]);
      range.setEnd(points[1][0], points[1][1]);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    await page.click('.selbar button[data-color="green"]');
    const highlight = page.locator(`main article p[data-paragraph-id="${paragraph.id}"] .hl`);
    await highlight.first().waitFor();
    expect((await highlight.allTextContents()).join('')).toBe(paragraph.text.slice(4, 14));
    const stored = await callApi<
      { id: string; color: string; target: { startOffset: number; endOffset: number } }[]
    >(page, 'listAnnotations');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ color: 'green', target: { startOffset: 4, endOffset: 14 } });

    // Click the highlight: the editor opens; add a note and tags.
    await highlight.first().click();
    const editor = page.locator('.note-sheet');
    await editor.waitFor();
    await editor.locator('textarea').fill('半導体協力の要点：後で読む');
    await editor.locator('input[type="text"]').fill('要確認, 半導体');
    await editor.locator('button[type="submit"]').click();
    await expect.poll(() => editor.count()).toBe(0);
    await page.click('button[aria-label="サイドパネルを表示／隠す"]');
    await page.click('#tab-notes');
    const item = page.locator(`#notes-list li[data-annotation="${stored[0]!.id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('半導体協力の要点：後で読む');
    expect(await item.textContent()).toContain('要確認');
    await screenshot(page, 'notes');

    // The note is found by search, marked as メモ, listed once and counted once.
    const query = '後で読む';
    const found = await callApi<SearchResponse>(page, 'search', { query, limit: 100 });
    const noteHits = found.results.filter((r) => r.kind === 'note');
    expect(noteHits.map((r) => r.annotationId)).toEqual([stored[0]!.id]);
    await typeQuery(query);
    const rows = page.locator('#search-results button.result');
    const noteRow = page.locator('#search-results button.result:has(.badge)');
    await noteRow.first().waitFor();
    expect(await rows.count()).toBe(found.results.length);
    expect(await noteRow.count()).toBe(1);
    expect(await noteRow.locator('.badge').textContent()).toBe('メモ');
    const sections = found.results.length - noteHits.length;
    const hits = found.results.reduce((n, r) => n + r.hits, 0);
    expect((await page.textContent('#search-results .summary'))?.trim()).toBe(
      sections > 0
        ? `「${query}」 ${sections} 項目・メモ 1 件・${hits} 件`
        : `「${query}」 メモ 1 件・${hits} 件`,
    );

    // Delete with undo, then delete for good.
    await page.click('#tab-notes');
    await item.locator('button.edit').click();
    await editor.waitFor();
    await editor.locator('button.danger').click();
    await expect.poll(() => item.count()).toBe(0);
    await page.click('.toast button:has-text("元に戻す")');
    await item.waitFor();
    await item.locator('button.edit').click();
    await editor.locator('button.danger').click();
    await expect.poll(() => highlight.count()).toBe(0);
  });

  it('opens Help with the attribution', async () => {
    await page.click('button[aria-label="ヘルプと情報"]');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('「通商白書2023」（経済産業省）を加工して作成');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

describe('security', () => {
  it('the CSP blocks an injected inline script', async () => {
    // Settles once the CSP has refused both the script element and the inline handler
    // (or after 10 s, when something ran instead of being refused).
    const ran = await page.evaluate<boolean>(`new Promise((resolve) => {
      window.__injected = false;
      const refused = new Set();
      const finish = () => resolve(window.__injected);
      document.addEventListener('securitypolicyviolation', (e) => {
        refused.add(e.effectiveDirective);
        if (refused.has('script-src-elem') && refused.has('script-src-attr')) finish();
      });
      setTimeout(finish, 10000);
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.appendChild(script);
      const img = document.createElement('img');
      img.setAttribute('src', 'x');
      img.setAttribute('onerror', 'window.__injected = true');
      document.body.appendChild(img);
    })`);
    expect(ran).toBe(false);
    const violations = await cspViolations(page);
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
    // Reset the record so afterEach's "no violations in normal use" holds.
    await page.evaluate('window.__hakusho.csp.length = 0');
  });
});

// Accessibility in headless Chromium against the browser edition: axe-core runs on every
// main view — every rule, no element excluded — and finds no serious or critical
// violation; the reading pane's own things (search hits, highlights, note markers, the
// colour bar, the note editor) have roles, names and descriptions that make sense in
// the accessibility tree a screen reader reads.
//
// A new view is one `axeView(…)` line below: a name and how to get there from the first
// screen (each starts from a fresh load at the stored defaults).
import { beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Annotation, SectionView } from '../../electron/common/api/types';
import type { RunningEdition } from './testing/server';
import { useE2eSession } from './testing/session';
import { DEFAULT_PREFS } from './testing/prefs';
import {
  callApi,
  cspViolations,
  loadAtSection,
  nextFrames,
  openReader,
  pageErrors,
} from './testing/reader-page';
import { seriousViolations } from './testing/axe';
import { axNode, selectPassage } from './testing/notes-page';

const SECTION = 'us-3';

const session = useE2eSession();
let edition: RunningEdition;
let page: Page;
let section: SectionView;
let noted: Annotation;

beforeAll(async () => {
  edition = await session.start(session.tempDir('a11y'));
  page = await openReader(session.browser.context, edition.url);
  section = await callApi<SectionView>(page, 'getSection', { id: SECTION });
  // Something in every list: a bookmark, a bare highlight, one with a note, a section note.
  await callApi(page, 'toggleBookmark', { sectionId: SECTION });
  await callApi(page, 'addAnnotation', {
    startParagraphId: section.paragraphs[0]!.id,
    startOffset: 0,
    endOffset: 12,
    color: 'yellow',
  });
  noted = await callApi<Annotation>(page, 'addAnnotation', {
    startParagraphId: section.paragraphs[1]!.id,
    startOffset: 6,
    endOffset: 30,
    color: 'pink',
    note: '要点：後で読む',
    tags: ['要確認'],
  });
  await callApi(page, 'addSectionNote', {
    sectionId: SECTION,
    note: '節全体のメモ',
    color: 'blue',
  });
});

beforeEach(async () => {
  await callApi(page, 'setPrefs', DEFAULT_PREFS);
  await callApi(page, 'setPosition', { sectionId: SECTION, scroll: 0 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await loadAtSection(page, edition.origin, SECTION);
  await page.waitForSelector(`main [data-note-marker="${noted.id}"]`);
});

afterEach(async () => {
  expect(await cspViolations(page)).toEqual([]);
  expect(await pageErrors(page)).toEqual([]);
});

async function search(query: string): Promise<void> {
  await page.keyboard.press('Control+f');
  await page.keyboard.insertText(query);
  await page.waitForSelector(`#search-results[data-query="${query}"]`);
}

async function openTab(tab: 'results' | 'bookmarks' | 'notes' | 'glossary'): Promise<void> {
  if (!(await page.isVisible('#side-panel')))
    await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click(`#tab-${tab}`);
  await page.waitForSelector(`#tab-${tab}[aria-selected="true"]`);
}

async function theme(name: 'light' | 'sepia' | 'dark'): Promise<void> {
  // With hits, highlights and the notes list on screen: contrast is checked on all of them.
  await search('投資');
  await page.keyboard.press('Enter');
  await page.waitForSelector('main mark.hit.current');
  await openTab('notes');
  await openDisplay();
  await page.click(`[data-theme-choice="${name}"]`);
  await page.waitForSelector(`html[data-theme="${name}"]`);
  await page.keyboard.press('Escape');
}

async function openDisplay(): Promise<void> {
  await page.click('header button[aria-controls="display-settings"]');
  await page.waitForSelector('#display-settings');
}

async function paged(): Promise<void> {
  await page.click('header button[aria-pressed]:has-text("ページ")');
  await page.waitForSelector('main .scroller[data-reading-mode="paged"][data-ready]');
}

/** One axe check: reach the view from the first screen, then run every rule on the page. */
function axeView(name: string, enter: (page: Page) => Promise<void>): void {
  it(`finds no serious or critical violation: ${name}`, async () => {
    await enter(page);
    await nextFrames(page);
    expect(await seriousViolations(page, name)).toEqual([]);
  });
}

describe('axe-core on every main view', () => {
  axeView('first screen', async () => undefined);
  axeView('search results open', () => search('半導体'));
  axeView('a result opened, hits marked in the text', async () => {
    await search('半導体');
    await page.keyboard.press('Enter');
    await page.waitForSelector('main mark.hit.current');
  });
  axeView('side panel: 検索結果', () => openTab('results'));
  axeView('side panel: しおり', () => openTab('bookmarks'));
  axeView('side panel: メモ', () => openTab('notes'));
  axeView('side panel: メモ, newest first', async () => {
    await openTab('notes');
    await page.click('#notes-list .order button:has-text("新しい順")');
  });
  axeView('side panel: 用語', () => openTab('glossary'));
  axeView('a glossary term’s pop-up (keyboard focus)', async () => {
    await page.focus('main [data-term="IRA"]');
    await page.waitForSelector('#term-peek.placed');
  });
  axeView('a glossary term’s pop-up (hover)', async () => {
    // A term on screen (the continuous view draws sections beyond the view too).
    const onScreen = await page.evaluate<number>(`(() => {
      const v = document.querySelector('main .scroller').getBoundingClientRect();
      return [...document.querySelectorAll('main [data-term]')].findIndex((t) => {
        const r = t.getBoundingClientRect();
        return r.top >= v.top && r.bottom <= v.bottom && r.left >= v.left && r.right <= v.right;
      });
    })()`);
    expect(onScreen).toBeGreaterThanOrEqual(0);
    await page.locator('main [data-term]').nth(onScreen).hover();
    await page.waitForSelector('#term-peek.placed');
  });
  axeView('search with "also search for" suggestions', async () => {
    await search('インフレ抑制法');
    await page.waitForSelector('#search-results section.also');
  });
  axeView('note editor', async () => {
    await page.click(`main [data-note-marker="${noted.id}"]`);
    await page.waitForSelector('.note-sheet textarea:focus');
  });
  axeView('note pop-up', async () => {
    await page.focus(`main [data-note-marker="${noted.id}"]`);
    await page.waitForSelector('#note-peek.placed');
  });
  axeView('colour bar beside a selection', async () => {
    await selectPassage(page, section.paragraphs[2]!.id, 4, 20);
    await page.waitForSelector('.selbar.placed');
  });
  axeView('vertical writing', async () => {
    await page.click('button[aria-pressed]:has-text("縦書き")');
    await page.waitForSelector('main .scroller[data-writing-mode="vertical"]');
  });
  axeView('display settings open', openDisplay);
  axeView('pages, with hits and notes', async () => {
    await search('投資');
    await page.keyboard.press('Enter');
    await page.waitForSelector('main mark.hit.current');
    await paged();
  });
  axeView('pages in vertical writing', async () => {
    await page.click('button[aria-pressed]:has-text("縦書き")');
    await paged();
  });
  axeView('theme: light', () => theme('light'));
  axeView('theme: sepia', () => theme('sepia'));
  axeView('theme: dark', () => theme('dark'));
  axeView('English interface', () => page.click('header button:has-text("English")'));
  axeView('narrow window, side panel over the text', async () => {
    await page.setViewportSize({ width: 800, height: 700 });
    await openTab('notes');
  });
});

describe('the accessibility tree', () => {
  it('names and describes hits, highlights, note markers, the colour bar and the editor', async () => {
    await search('半導体');
    await page.click(`#search-results button.result[data-section-id="${SECTION}"]`);
    await page.waitForSelector('main mark.hit.current');
    // A search hit is a mark described as one, the current one marked current.
    expect(await axNode(page, 'main mark.hit.current')).toMatchObject({
      role: 'mark',
      description: '検索語の一致',
    });
    expect(await page.getAttribute('main mark.hit.current', 'aria-current')).toBe('true');
    expect(await page.locator('main mark.hit[aria-current]').count()).toBe(1);
    // Highlights: marks described by colour, and whether they carry a note.
    expect(await axNode(page, 'main mark.hl:not(.noted)')).toMatchObject({
      role: 'mark',
      description: '黄のハイライト',
    });
    expect(await axNode(page, `main mark.hl[data-annotation-id="${noted.id}"]`)).toMatchObject({
      role: 'mark',
      description: '桃のハイライト（メモあり）',
    });
    // The marker: a button named by the note; in the text's ARIA snapshot as such.
    const marker = `main [data-note-marker="${noted.id}"]`;
    expect(await axNode(page, marker)).toMatchObject({
      role: 'button',
      name: 'メモ：要点：後で読む',
    });
    const tree = await page
      .locator(`main p[data-paragraph-id="${section.paragraphs[1]!.id}"]`)
      .ariaSnapshot();
    expect(tree).toContain('button "メモ：要点：後で読む"');
    expect(tree).toContain('mark:');

    // A glossary term: a button named by its letters, described by its long form while shown.
    await page.focus('main [data-term="IRA"]');
    await page.waitForSelector('#term-peek.placed');
    expect(await axNode(page, 'main [data-term="IRA"]')).toMatchObject({
      role: 'button',
      name: 'IRA',
      description: expect.stringContaining('インフレ削減法'),
    });
    await page.keyboard.press('Escape');

    // The colour bar: a toolbar of named buttons.
    await selectPassage(page, section.paragraphs[2]!.id, 4, 20);
    await page.waitForSelector('.selbar.placed');
    expect(await axNode(page, '.selbar')).toMatchObject({
      role: 'toolbar',
      name: '選択範囲をハイライト',
    });
    expect(await axNode(page, '.selbar button[data-color="green"]')).toMatchObject({
      role: 'button',
      name: '緑でハイライト',
    });
    const bar = await page.locator('.selbar').ariaSnapshot();
    expect(bar).toContain('button "メモを付ける…"');

    // The editor: a dialog named by what it edits, its field labelled.
    await page.click(marker);
    await page.waitForSelector('.note-sheet textarea:focus');
    expect(await axNode(page, '.note-sheet')).toMatchObject({
      role: 'dialog',
      name: 'ハイライトとメモを編集',
    });
    expect(await axNode(page, '.note-sheet textarea')).toMatchObject({ name: 'メモ' });
    expect(await axNode(page, '.note-sheet blockquote')).toMatchObject({ name: '引用' });
  });
});

// The glossary, other names, copy with citation and the exports as a reader meets them,
// in headless Chromium against the browser edition: an abbreviation's long form on hover
// and on keyboard focus, with the link to where the text defines it (opened, the
// definition flashed); the 用語 tab; "also search for" under a query with no hits; what
// a copy puts on the clipboard (text/plain and text/html); the notes panel's Markdown
// and Word exports; Help's one source and editing statement.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Annotation, GlossaryEntry, SectionView } from '../../electron/common/api/types';
import type { RunningEdition } from './testing/server';
import { useE2eSession } from './testing/session';
import { DEFAULT_PREFS } from './testing/prefs';
import {
  callApi,
  cspViolations,
  nextFrames,
  openReader,
  pageErrors,
  screenshot,
  waitReady,
} from './testing/reader-page';
import { axNode, focused, inside, overlaps, rectsOf, selectPassage } from './testing/notes-page';

/** 2022年9月 インド太平洋経済枠組み（IPEF）交渉開始: IPEF in the heading and twice in the text. */
const SECTION = 'us-1-2022-09';
/** Where the text first defines IPEF. */
const DEFINED_IN = 'us-1';
const DEFINITION = 'インド太平洋経済枠組み（IPEF）';
const METI_URL = 'https://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html';
/** The IPEF of 「正式に IPEF の交渉開始が宣言された」: used, not defined, here. */
const USED_IPEF = `main p[data-paragraph-id="${SECTION}.p1"] [data-term="IPEF"] >> nth=1`;

const session = useE2eSession();
let edition: RunningEdition;
let page: Page;
let glossary: GlossaryEntry[];

beforeAll(async () => {
  edition = await session.start(session.tempDir('glossary'));
  page = await openReader(session.browser.context, edition.url);
  glossary = await callApi<GlossaryEntry[]>(page, 'getGlossary');
});

/**
 * A fresh load of the reader at a section, by its route (a saved position could be
 * overwritten by the page being left, which saves where it was).
 */
async function openSection(id: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${edition.origin}/#/section/${id}`);
  await waitReady(page);
  await page.waitForSelector(`main .scroller[data-section-id="${id}"]`);
}

beforeEach(async () => {
  await callApi(page, 'setPrefs', DEFAULT_PREFS);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSection(SECTION);
  await page.waitForSelector(`main .scroller [data-term="IPEF"]`);
});

afterEach(async () => {
  expect(await cspViolations(page)).toEqual([]);
  expect(await pageErrors(page)).toEqual([]);
});

/** The text of the passage the flash highlight marks, or null when nothing is flashed. */
function flashed(): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    const h = CSS.highlights.get('passage-flash');
    if (!h) return null;
    return [...h].map((r) => r.toString()).join('');
  })()`);
}

async function openPanelTab(tab: 'results' | 'notes' | 'glossary'): Promise<void> {
  if (!(await page.isVisible('#side-panel')))
    await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click(`#tab-${tab}`);
  await page.waitForSelector(`#tab-${tab}[aria-selected="true"]`);
}

describe('an abbreviation in the text', () => {
  it('shows its long form on hover, beside it, with a link to its first definition', async () => {
    await page.hover(USED_IPEF);
    const peek = page.locator('#term-peek.placed');
    await peek.waitFor();
    expect(await peek.locator('.abbr').textContent()).toBe('IPEF');
    expect(await peek.locator('.long').textContent()).toBe('インド太平洋経済枠組み');
    const link = peek.locator('a[data-term-definition]');
    expect(await link.textContent()).toBe(
      '第１節\u3000米国 ＞ ［1．日米経済関係\u3000最近の動き］',
    );
    expect(await link.getAttribute('href')).toBe(`#/section/${DEFINED_IN}`);
    // Never over the term it explains.
    const term = (await page.locator(USED_IPEF).boundingBox())!;
    const [box] = await rectsOf(page, '#term-peek');
    const termBox = {
      left: term.x,
      top: term.y,
      right: term.x + term.width,
      bottom: term.y + term.height,
    };
    expect(overlaps(box!, termBox)).toBe(false);
    await screenshot(page, 'glossary-term-hover');

    // It stays while the pointer moves onto it; the link opens the definition, flashed.
    await link.hover();
    await link.click();
    await page.waitForSelector(`main .scroller[data-section-id="${DEFINED_IN}"]`);
    await expect.poll(flashed).toBe(DEFINITION);
    expect(await page.evaluate<string>('location.hash')).toBe(`#/section/${DEFINED_IN}`);
    await expect.poll(() => page.locator('#term-peek').count()).toBe(0);
  });

  it('stands beside the term in vertical writing too, inside the reading pane', async () => {
    await callApi(page, 'setPrefs', { writingMode: 'vertical' });
    await openSection(SECTION);
    await page.waitForSelector('main .scroller[data-writing-mode="vertical"] [data-term="IPEF"]');
    await page.focus(USED_IPEF);
    await page.waitForSelector('#term-peek.placed');
    const term = (await page.locator(USED_IPEF).boundingBox())!;
    const [box] = await rectsOf(page, '#term-peek');
    const [pane] = await rectsOf(page, 'main .scroller');
    expect(
      overlaps(box!, {
        left: term.x,
        top: term.y,
        right: term.x + term.width,
        bottom: term.y + term.height,
      }),
    ).toBe(false);
    expect(inside(box!, pane!)).toBe(true);
    await screenshot(page, 'glossary-term-vertical');
  });

  it('shows it on keyboard focus too: a named button described by its long form; Esc dismisses', async () => {
    // Tab through the text (the sections before it are drawn too) to the heading's IPEF.
    const inHeading = `main [data-heading-for="${SECTION}"] [data-term="IPEF"]`;
    await page.focus('main .scroller');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate<boolean>(
          `document.activeElement?.matches(${JSON.stringify(inHeading)}) ?? false`,
        )
      )
        break;
    }
    expect(await focused(page)).toMatchObject({ data: { term: 'IPEF' } });
    const peek = page.locator('#term-peek.placed');
    await peek.waitFor();
    expect(await axNode(page, inHeading)).toMatchObject({
      role: 'button',
      name: 'IPEF',
      description: expect.stringContaining('インド太平洋経済枠組み'),
    });
    expect(await page.getAttribute(inHeading, 'aria-describedby')).toBe('term-peek');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#term-peek').count()).toBe(0);
    expect(await page.getAttribute(inHeading, 'aria-describedby')).toBeNull();
    // The next stop shows the next term's; Enter opens where it is defined.
    await page.keyboard.press('Tab');
    await peek.waitFor();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`main .scroller[data-section-id="${DEFINED_IN}"]`);
    await expect.poll(flashed).toBe(DEFINITION);
    // Focus stays in the text, for the keyboard to go on reading.
    expect(await focused(page)).toMatchObject({ className: expect.stringContaining('scroller') });
  });

  it('is marked where the glossary finds it, and an editorial one says so', async () => {
    await openSection('us-2-232');
    const wto = page.locator('main [data-term="WTO"]').first();
    await wto.waitFor();
    await wto.focus();
    const peek = page.locator('#term-peek.placed');
    await peek.waitFor();
    expect(await peek.locator('.long').textContent()).toBe('世界貿易機関');
    expect(await peek.locator('.english').textContent()).toBe('World Trade Organization');
    expect(await peek.locator('.editorial').textContent()).toBe('編集部による補足');
    expect(await peek.locator('a').count()).toBe(0);
    // Enter opens the 用語 tab at its entry.
    await page.keyboard.press('Enter');
    await page.waitForSelector('#tab-glossary[aria-selected="true"]');
    expect(await focused(page)).toMatchObject({ data: { glossaryTerm: 'WTO' } });
  });
});

describe('the 用語 tab', () => {
  it('lists every entry with its long form, where it is defined, editorial ones marked', async () => {
    await openPanelTab('glossary');
    const entries = page.locator('#glossary-list [data-glossary-term]');
    expect(await entries.count()).toBe(glossary.length);
    expect(await entries.locator('dt').allTextContents()).toEqual(
      glossary.map((e) => e.abbreviation),
    );
    const ipef = page.locator('#glossary-list [data-glossary-term="IPEF"]');
    expect(await ipef.locator('dd.long').textContent()).toBe('インド太平洋経済枠組み');
    expect(await ipef.locator('a').getAttribute('aria-label')).toBe(
      'IPEF の定義の箇所を開く：第１節\u3000米国 ＞ ［1．日米経済関係\u3000最近の動き］',
    );
    const editorial = glossary.filter((e) => e.origin === 'editorial').length;
    expect(await page.locator('#glossary-list .entry.editorial .badge').count()).toBe(editorial);
    await screenshot(page, 'glossary-tab');
    await page.locator('#glossary-list [data-glossary-term="IRA"] a').click();
    await page.waitForSelector('main .scroller[data-section-id="us-3"]');
    await expect.poll(flashed).toBe('インフレ削減法（IRA）');
  });
});

describe('also search for', () => {
  it('offers インフレ削減法 under no results for インフレ抑制法, and runs it when clicked', async () => {
    await page.keyboard.press('Control+f');
    await page.keyboard.insertText('インフレ抑制法');
    await page.waitForSelector('#search-results[data-query="インフレ抑制法"]');
    const also = page.locator(
      '#search-results section.also[data-suggestions-for="インフレ抑制法"]',
    );
    await also.waitFor();
    // A suggestion, never a result: the list of results is empty.
    expect(await page.locator('#search-results button.result').count()).toBe(0);
    expect(await also.locator('button.suggestion').allTextContents()).toEqual([
      expect.stringMatching(/^インフレ削減法\s*\d+ 件$/),
      expect.stringMatching(/^IRA\s*\d+ 件$/),
    ]);
    await screenshot(page, 'glossary-also-search-for');
    await also.locator('button[data-suggestion="インフレ削減法"]').click();
    await page.waitForSelector('#search-results[data-query="インフレ削減法"]');
    expect(await page.inputValue('input[type="search"]')).toBe('インフレ削減法');
    expect(await page.locator('#search-results button.result').count()).toBeGreaterThan(0);
    // Enough hits now: nothing more to suggest.
    await nextFrames(page);
    expect(await page.locator('#search-results section.also').count()).toBe(0);
  });
});

describe('copy', () => {
  it('puts the quote and its citation on the clipboard as text/plain and text/html', async () => {
    await openSection('us-3');
    const view = await callApi<SectionView>(page, 'getSection', { id: 'us-3' });
    const p = view.paragraphs[0]!;
    await selectPassage(page, p.id, 0, 20);
    // The copy as the browser makes it (Ctrl+C), read from the event after the app wrote it.
    const copied = await page.evaluate<{ text: string; html: string }>(`new Promise((resolve) => {
      document.addEventListener('copy', (e) => resolve({
        text: e.clipboardData.getData('text/plain'),
        html: e.clipboardData.getData('text/html'),
      }), { once: true });
      document.execCommand('copy');
    })`);
    const quote = p.text.slice(0, 20);
    const citation =
      '出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」3．日米貿易投資関係の更なる発展に向けた取組';
    expect(copied.text).toBe(`「${quote}」\n${citation}（${METI_URL}）`);
    expect(copied.html).toBe(
      `<blockquote lang="ja" cite="${METI_URL}"><p>${quote}</p></blockquote>` +
        `<p lang="ja">${citation}（<a href="${METI_URL}">${METI_URL}</a>）</p>`,
    );
    // And what a real paste gets: the system clipboard, read with the page's permission.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: edition.origin,
    });
    await selectPassage(page, p.id, 0, 20);
    await page.keyboard.press('Control+c');
    const clipboard = await page.evaluate<{ text: string; html: string }>(`(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        text: await (await item.getType('text/plain')).text(),
        html: await (await item.getType('text/html')).text(),
      };
    })()`);
    expect(clipboard.text).toBe(copied.text);
    expect(clipboard.html).toContain(copied.html);
  });

  it('cites the Canada section without a page URL, none being recorded', async () => {
    await openSection('canada');
    const view = await callApi<SectionView>(page, 'getSection', { id: 'canada' });
    const p = view.paragraphs[0]!;
    await selectPassage(page, p.id, 0, 10);
    const text = await page.evaluate<string>(`new Promise((resolve) => {
      document.addEventListener('copy', (e) => resolve(e.clipboardData.getData('text/plain')), { once: true });
      document.execCommand('copy');
    })`);
    expect(text).toBe(
      `「${p.text.slice(0, 10)}」\n出典：経済産業省『通商白書2023』第Ⅲ部第2章第2節「カナダ」`,
    );
  });
});

describe('the notes panel’s exports', () => {
  it('saves Markdown and Word files of the notes, in the interface language', async () => {
    const view = await callApi<SectionView>(page, 'getSection', { id: 'us-3' });
    const p = view.paragraphs.find((x) => x.text.includes('93.2万人'))!;
    const at = p.text.indexOf('93.2万人');
    const note = await callApi<Annotation>(page, 'addAnnotation', {
      startParagraphId: p.id,
      startOffset: at,
      endOffset: at + 6,
      color: 'green',
      note: '雇用の規模',
      tags: ['対米投資'],
    });
    try {
      await page.reload();
      await waitReady(page);
      await openPanelTab('notes');
      const save = async (label: string): Promise<string> => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click(`#notes-list button:has-text("${label}")`),
        ]);
        const file = path.join(session.tempDir('download'), download.suggestedFilename());
        await download.saveAs(file);
        return file;
      };
      const md = await save('書き出し（Markdown）');
      expect(path.basename(md)).toMatch(/^hakusho-notes-\d{4}-\d{2}-\d{2}\.md$/);
      const text = fs.readFileSync(md, 'utf8');
      expect(text.split('\n')[0]).toBe('# 『通商白書2023』米国・カナダ\u3000メモとしおり');
      expect(text).toContain('> 93.2万人\n');
      expect(text).toContain('雇用の規模');
      expect(text).toContain('タグ：対米投資');
      expect(text).toContain(`(hakusho-reader://section/us-3?annotation=${note.id})`);

      const docx = await save('書き出し（Word）');
      expect(path.basename(docx)).toMatch(/^hakusho-notes-\d{4}-\d{2}-\d{2}\.docx$/);
      const xml = strFromU8(unzipSync(fs.readFileSync(docx))['word/document.xml']!);
      expect(xml).toContain('<w:pStyle w:val="Quote"/>');
      expect(xml).toContain('93.2万人');
      expect(xml).toContain('雇用の規模');

      // In English, the words are English.
      await page.click('header button:has-text("English")');
      const en = fs.readFileSync(await save('Export (Markdown)'), 'utf8');
      expect(en.split('\n')[0]).toBe(
        '# 『通商白書2023』 United States and Canada: notes and bookmarks',
      );
    } finally {
      await callApi(page, 'deleteAnnotation', { id: note.id });
    }
  });
});

describe('Help', () => {
  it('gives one source and editing statement', async () => {
    await page.click('button[aria-label="ヘルプと情報"]');
    const statement = page.locator('dialog[open] .statement');
    await statement.waitFor();
    expect(await statement.locator('.source').textContent()).toBe(
      '出典：経済産業省『通商白書2023』第Ⅲ部第2章「各国戦略」第1節「米国」・第2節「カナダ」',
    );
    expect(await statement.locator('a').getAttribute('href')).toBe(METI_URL);
    expect(await statement.locator('.edited').textContent()).toMatch(
      /^「通商白書2023」（経済産業省）を加工して作成。PDF から抽出した本文を加工/,
    );
    // Said once: the attribution appears in the dialog once, the 出典 line once.
    const dialog = (await page.locator('dialog[open]').textContent()) ?? '';
    expect(dialog.split('を加工して作成').length - 1).toBe(1);
    expect(dialog.split('出典：').length - 1).toBe(1);
    await page.keyboard.press('Escape');
  });
});

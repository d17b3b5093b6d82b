// Notes as a reader sees and makes them, in headless Chromium against the browser
// edition: the marker of a highlight that carries a note and the note on hover and on
// focus (both writing directions); the colour bar beside the selection, never over it;
// a highlight and a note made from the keyboard alone; the side-sheet editor beside its
// passage; the メモ panel's order and first lines; the words after each change.
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
  screenshot,
  waitReady,
} from './testing/reader-page';
import {
  axNode,
  focused,
  inside,
  overlaps,
  rectsOf,
  selectPassage,
  selectionRects,
  toastText,
  type Box,
} from './testing/notes-page';

/** The part 3．日米貿易投資関係… : several long paragraphs. */
const SECTION = 'us-3';
const NOTE = '半導体協力の要点：後で読む\n二行目のメモ\n三行目\n四行目は一覧に出ない';

const session = useE2eSession();
let edition: RunningEdition;
let page: Page;
let view: SectionView;

beforeAll(async () => {
  edition = await session.start(session.tempDir('notes'));
  page = await openReader(session.browser.context, edition.url);
  view = await callApi<SectionView>(page, 'getSection', { id: SECTION });
});

beforeEach(async () => {
  for (const a of await callApi<Annotation[]>(page, 'listAnnotations'))
    await callApi(page, 'deleteAnnotation', { id: a.id });
  await callApi(page, 'setPrefs', DEFAULT_PREFS);
  await callApi(page, 'setPosition', { sectionId: SECTION, scroll: 0 });
  await loadAtSection(page, edition.origin, SECTION);
  await page.waitForSelector(`main .scroller[data-section-id="${SECTION}"]`);
});

afterEach(async () => {
  expect(await cspViolations(page)).toEqual([]);
  expect(await pageErrors(page)).toEqual([]);
});

function paragraph(i: number) {
  const p = view.paragraphs[i];
  if (!p) throw new Error(`${SECTION} has no paragraph ${i}`);
  return p;
}

/** A highlight with a note on paragraph 1 [6, 30), and a bare one on paragraph 0. */
async function seedNotes(): Promise<{ noted: Annotation; bare: Annotation }> {
  const bare = await callApi<Annotation>(page, 'addAnnotation', {
    startParagraphId: paragraph(0).id,
    startOffset: 0,
    endOffset: 12,
    color: 'yellow',
  });
  const noted = await callApi<Annotation>(page, 'addAnnotation', {
    startParagraphId: paragraph(1).id,
    startOffset: 6,
    endOffset: 30,
    color: 'green',
    note: NOTE,
    tags: ['要確認'],
  });
  await page.reload();
  await waitReady(page);
  await page.locator(`main [data-note-marker="${noted.id}"]`).waitFor();
  return { noted, bare };
}

async function setVertical(): Promise<void> {
  await page.click('button[aria-pressed]:has-text("縦書き")');
  await page.waitForSelector('main .scroller[data-writing-mode="vertical"]');
  await nextFrames(page);
}

const box = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom } as Box;
  });

describe('a note you can see', () => {
  it('marks a noted highlight in the margin and shows the note on hover and on focus (horizontal)', async () => {
    const { noted } = await seedNotes();
    // One marker: the bare highlight has none.
    expect(await page.locator('main [data-note-marker]').count()).toBe(1);
    const marker = `main [data-note-marker="${noted.id}"]`;
    const passage = await rectsOf(page, `main [data-annotation-id="${noted.id}"]`);
    const para = await box(page, `main p[data-paragraph-id="${paragraph(1).id}"]`);
    const m = await box(page, marker);
    // In the left margin, level with the passage's first line.
    const middle = (a: number, b: number) => (a + b) / 2;
    expect(m.right).toBeLessThanOrEqual(para.left);
    expect(
      Math.abs(middle(m.top, m.bottom) - middle(passage[0]!.top, passage[0]!.bottom)),
    ).toBeLessThan(6);
    // A button named by the note's first line; the highlights are marks described by colour.
    expect(await axNode(page, marker)).toMatchObject({
      role: 'button',
      // The first line, and an ellipsis: the note goes on.
      name: 'メモ：半導体協力の要点：後で読む…',
    });
    expect(await axNode(page, `main mark[data-annotation-id="${noted.id}"]`)).toMatchObject({
      role: 'mark',
      description: '緑のハイライト（メモあり）',
    });

    await page.hover(`main mark[data-annotation-id="${noted.id}"]`);
    const peek = page.locator('#note-peek.placed');
    await peek.waitFor();
    expect(await peek.locator('.line').allTextContents()).toEqual([
      '半導体協力の要点：後で読む',
      '二行目のメモ',
      '三行目',
      '四行目は一覧に出ない',
    ]);
    expect(await peek.textContent()).toContain('要確認');
    const peekBox = await box(page, '#note-peek');
    for (const r of passage) expect(overlaps(peekBox, r)).toBe(false);
    expect(await peek.getAttribute('role')).toBe('tooltip');
    await screenshot(page, 'note-marker-hover-horizontal');

    // Esc dismisses it; keyboard focus on the marker shows it and makes it the description.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#note-peek').count()).toBe(0);
    await page.mouse.move(5, 5);
    await page.focus(marker);
    await peek.waitFor();
    expect(await page.getAttribute(marker, 'aria-describedby')).toBe('note-peek');
    expect((await axNode(page, marker)).description).toContain('半導体協力の要点');
    await page.keyboard.press('Enter');
    await page.locator('.note-sheet').waitFor();
    expect(await page.locator('.note-sheet textarea').inputValue()).toBe(NOTE);
    expect((await focused(page)).tag).toBe('textarea');
  });

  it('marks it beside the column and shows the note beside the passage (vertical)', async () => {
    const { noted } = await seedNotes();
    await setVertical();
    const marker = `main [data-note-marker="${noted.id}"]`;
    await page.locator(marker).scrollIntoViewIfNeeded();
    const passage = await rectsOf(page, `main [data-annotation-id="${noted.id}"]`);
    const para = await box(page, `main p[data-paragraph-id="${paragraph(1).id}"]`);
    const m = await box(page, marker);
    // Above the column (the margin of vertical text), across from the passage's first column.
    expect(m.bottom).toBeLessThanOrEqual(para.top);
    const first = passage[0]!;
    expect(m.left).toBeLessThan(first.right);
    expect(m.right).toBeGreaterThan(first.left);

    await page.hover(`main mark[data-annotation-id="${noted.id}"]`);
    await page.locator('#note-peek.placed').waitFor();
    const peekBox = await box(page, '#note-peek');
    for (const r of passage) expect(overlaps(peekBox, r)).toBe(false);
    await screenshot(page, 'note-marker-hover-vertical');
  });
});

describe('the colour bar', () => {
  it('sits above the selection in horizontal writing and beside it in vertical, never over it', async () => {
    const p = paragraph(2);
    await selectPassage(page, p.id, 10, 40);
    const bar = page.locator('.selbar.placed');
    await bar.waitFor();
    let sel = await selectionRects(page);
    let barBox = await box(page, '.selbar');
    for (const r of sel) expect(overlaps(barBox, r)).toBe(false);
    expect(barBox.bottom).toBeLessThanOrEqual(Math.min(...sel.map((r) => r.top)));
    expect(await bar.getAttribute('role')).toBe('toolbar');

    await setVertical();
    await page.locator(`main p[data-paragraph-id="${p.id}"]`).scrollIntoViewIfNeeded();
    await selectPassage(page, p.id, 10, 40);
    await bar.waitFor();
    await nextFrames(page);
    sel = await selectionRects(page);
    barBox = await box(page, '.selbar');
    for (const r of sel) expect(overlaps(barBox, r)).toBe(false);
    // Beside the passage (to its right, or to its left without room), as a column.
    const right = Math.max(...sel.map((r) => r.right));
    const left = Math.min(...sel.map((r) => r.left));
    expect(barBox.left >= right || barBox.right <= left).toBe(true);
    expect(barBox.bottom - barBox.top).toBeGreaterThan(barBox.right - barBox.left);
    expect(await bar.getAttribute('aria-orientation')).toBe('vertical');
    expect(inside(barBox, await box(page, 'main .scroller'))).toBe(true);
    await screenshot(page, 'selection-bar-vertical');
  });
});

describe('made from the keyboard alone', () => {
  it('selects with Shift+arrows, highlights through the bar, writes a note in the sheet', async () => {
    // Focus in the text, nothing selected: Shift+→ starts at the paragraph in view.
    await page.locator('main .scroller').focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await page.evaluate<string>('getSelection().toString()')).toBe(
      paragraph(0).text.slice(0, 8),
    );
    await page.locator('.selbar.placed').waitFor();
    // Tab goes into the bar (its first colour), → to the next; Esc back to the text.
    await page.keyboard.press('Tab');
    expect((await focused(page)).data.color).toBe('yellow');
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).data.color).toBe('green');
    await page.keyboard.press('Escape');
    expect((await focused(page)).className).toContain('scroller');
    expect(await page.evaluate<string>('getSelection().toString()')).toBe(
      paragraph(0).text.slice(0, 8),
    );
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await screenshot(page, 'keyboard-selection-bar');
    // Back in the bar on the colour last chosen; Enter highlights.
    await page.keyboard.press('Tab');
    expect((await focused(page)).data.color).toBe('green');
    await page.keyboard.press('Enter');
    await expect.poll(() => toastText(page)).toBe('ハイライトを保存しました');
    const [made] = await callApi<Annotation[]>(page, 'listAnnotations');
    expect(made).toMatchObject({
      color: 'green',
      note: '',
      target: { startParagraphId: paragraph(0).id, startOffset: 0, endOffset: 10 },
    });
    await page.locator(`main mark[data-annotation-id="${made!.id}"]`).waitFor();
    // Focus is back in the text, the bar gone.
    expect((await focused(page)).className).toContain('scroller');
    expect(await page.locator('.selbar').count()).toBe(0);

    // A note: select on (the next line, by Shift+↓), Tab, End (the note button), Enter.
    await page.keyboard.press('Shift+ArrowDown');
    await page.locator('.selbar.placed').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    expect((await focused(page)).className).toContain('note-button');
    await page.keyboard.press('Enter');
    await page.locator('.note-sheet').waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('textarea');
    await page.keyboard.insertText('キーボードだけで書いたメモ');
    await screenshot(page, 'keyboard-note');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => toastText(page)).toBe('ハイライトとメモを保存しました');
    await expect.poll(() => page.locator('.note-sheet').count()).toBe(0);
    const notes = await callApi<Annotation[]>(page, 'listAnnotations');
    const note = notes.find((a) => a.note !== '')!;
    expect(note.note).toBe('キーボードだけで書いたメモ');
    expect(note.target!.startParagraphId).toBe(paragraph(0).id);

    // Its marker is in the tab order: Enter opens it, Esc closes and comes back to it.
    const marker = page.locator(`main [data-note-marker="${note.id}"]`);
    await marker.waitFor();
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.locator('.note-sheet').waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('textarea');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.note-sheet').count()).toBe(0);
    expect((await focused(page)).data.noteMarker).toBe(note.id);

    // Delete it from the keyboard: the words name the highlight and the note.
    await page.keyboard.press('Enter');
    await page.locator('.note-sheet button.danger').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toastText(page)).toBe('ハイライトとメモを削除しました');
  });
});

describe('the side-sheet editor', () => {
  it('opens beside the passage, which stays visible, with focus in the note field and paragraphs kept', async () => {
    const a = paragraph(1);
    const b = paragraph(2);
    await selectPassage(page, a.id, a.text.length - 12, 9, b.id);
    await page.click('.selbar .note-button');
    const sheet = page.locator('.note-sheet');
    await sheet.waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('textarea');
    expect(await axNode(page, '.note-sheet')).toMatchObject({
      role: 'dialog',
      name: 'ハイライトとメモ',
    });
    // The quote shows two paragraphs, as the passage has.
    expect(await sheet.locator('blockquote p').allTextContents()).toEqual([
      a.text.slice(-12),
      b.text.slice(0, 9),
    ]);
    // The passage is marked and in view, beside the sheet and not under it.
    await nextFrames(page, 3);
    const passage = await page.evaluate<Box[]>(`(() => {
      const h = CSS.highlights.get('note-passage');
      const r = [...h][0];
      return [...r.getClientRects()].filter((x) => x.width > 0).map((x) => ({ left: x.left, top: x.top, right: x.right, bottom: x.bottom }));
    })()`);
    expect(passage.length).toBeGreaterThan(0);
    const sheetBox = await box(page, '.note-sheet');
    const pane = await box(page, 'main .scroller');
    for (const r of passage) {
      expect(overlaps(r, sheetBox)).toBe(false);
      expect(inside(r, pane)).toBe(true);
    }
    await screenshot(page, 'note-sheet');

    // Esc with something typed asks first; 編集を続ける keeps it.
    await page.keyboard.insertText('下書き');
    await page.keyboard.press('Escape');
    await page.locator('.note-sheet .confirm').waitFor();
    expect((await focused(page)).tag).toBe('button');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).tag).toBe('textarea');
    expect(await page.locator('.note-sheet textarea').inputValue()).toBe('下書き');
    // Esc twice: discard.
    await page.keyboard.press('Escape');
    await page.locator('.note-sheet .confirm button.danger').click();
    await expect.poll(() => sheet.count()).toBe(0);
    expect(await callApi<Annotation[]>(page, 'listAnnotations')).toEqual([]);
    expect(await page.evaluate<number>(`CSS.highlights.has('note-passage') ? 1 : 0`)).toBe(0);
  });
});

describe('the メモ panel', () => {
  it('sorts by document order or newest first (kept while the app runs) and shows first lines', async () => {
    // Made in the order p2, p0, p1: document order differs from date order.
    const ids: string[] = [];
    for (const [i, note] of [
      [2, '三番目の段落'],
      [0, NOTE],
      [1, ''],
    ] as const) {
      const made = await callApi<Annotation>(page, 'addAnnotation', {
        startParagraphId: paragraph(i).id,
        startOffset: 0,
        endOffset: 6,
        color: 'blue',
        ...(note ? { note } : {}),
      });
      ids.push(made.id);
    }
    await page.reload();
    await waitReady(page);
    await page.click('button[aria-label="サイドパネルを表示／隠す"]');
    await page.click('#tab-notes');
    const rows = page.locator('#notes-list li[data-annotation]');
    await rows.first().waitFor();
    const order = () =>
      rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-annotation')));
    expect(await order()).toEqual([ids[1], ids[2], ids[0]]);
    // The long note: its first three lines, with an ellipsis.
    const longRow = page.locator(`#notes-list li[data-annotation="${ids[1]}"] .note .line`);
    expect(await longRow.allTextContents()).toEqual([
      '半導体協力の要点：後で読む',
      '二行目のメモ',
      '三行目…',
    ]);
    await page.click('#notes-list .order button:has-text("新しい順")');
    expect(await order()).toEqual([ids[2], ids[1], ids[0]]);
    expect(await page.locator('#notes-list time').count()).toBe(3);
    // Another tab and back: the order holds.
    await page.click('#tab-bookmarks');
    await page.click('#tab-notes');
    await rows.first().waitFor();
    expect(await order()).toEqual([ids[2], ids[1], ids[0]]);
    expect(
      await page.getAttribute('#notes-list .order button:has-text("新しい順")', 'aria-pressed'),
    ).toBe('true');
    // The edit buttons are named by what they edit.
    expect(
      await page
        .locator(`#notes-list li[data-annotation="${ids[2]}"] button.edit`)
        .getAttribute('aria-label'),
    ).toBe(`「${paragraph(1).text.slice(0, 6)}」を編集`);
    await screenshot(page, 'notes-panel-newest');
  });

  it('says a bare highlight was deleted, not a note, in both languages', async () => {
    await seedNotes();
    await page.click('button[aria-label="サイドパネルを表示／隠す"]');
    await page.click('#tab-notes');
    const bareRow = page.locator('#notes-list li[data-annotation]').first();
    await bareRow.locator('button.edit').click();
    await page.locator('.note-sheet').waitFor();
    expect(await page.textContent('#sheet-title')).toBe('ハイライトを編集');
    await page.click('.note-sheet button.danger');
    await expect.poll(() => toastText(page)).toBe('ハイライトを削除しました');
    await page.click('.toast button:has-text("元に戻す")');
    await expect.poll(() => page.locator('#notes-list li[data-annotation]').count()).toBe(2);

    await page.click('header button:has-text("English")');
    await page.locator('#notes-list li[data-annotation]').first().locator('button.edit').click();
    expect(await page.textContent('#sheet-title')).toBe('Edit the highlight');
    await page.click('.note-sheet button.danger');
    await expect.poll(() => toastText(page)).toBe('Highlight deleted');
    await page.locator('#notes-list li[data-annotation]').first().locator('button.edit').click();
    expect(await page.textContent('#sheet-title')).toBe('Edit the highlight and note');
    await page.click('.note-sheet button.danger');
    await expect.poll(() => toastText(page)).toBe('Highlight and note deleted');
  });
});

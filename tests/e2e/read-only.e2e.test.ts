// A profile the reader may not write (user.sqlite and its folder made immutable with
// chattr +i: this suite runs as root, whom permission bits do not stop): the reader
// says so once, in Japanese, turns every control that would change bookmarks or
// notes off — exposed as unavailable to screen readers, with the reason as their
// description — and keeps reading, search, the notes' full text and export; nothing
// in the profile is written. And a profile that becomes read-only while a note is
// being written: the save is refused, the session turns read-only, and what was typed
// stays in the editor to copy.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Annotation, Bookmark, SectionView, TocEntry } from '../../electron/common/api/types';
import { makeImmutable, releaseImmutable } from '../../electron/core/testing/read-only';
import { useE2eSession } from './testing/session';
import { axNode, selectPassage, toastText } from './testing/notes-page';
import { callApi, loadAtSection, openReader, screenshot } from './testing/reader-page';

const session = useE2eSession();

// Even when a test fails half way: the temporary folders must stay removable.
afterEach(() => releaseImmutable());

const UNAVAILABLE = 'しおり・メモのデータベースが読み取り専用のため使えません';

/** Every file under `dir` with the SHA-256 of its bytes (what "nothing written" compares). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = crypto
      .createHash('sha256')
      .update(fs.readFileSync(file))
      .digest('hex');
  }
  return files;
}

async function firstSection(page: Page): Promise<SectionView> {
  for (const entry of await callApi<TocEntry[]>(page, 'getToc')) {
    const view = await callApi<SectionView>(page, 'getSection', { id: entry.id });
    if (view.paragraphs.length > 1) return view;
  }
  throw new Error('no section with text');
}

async function openPanelTab(page: Page, tab: 'notes' | 'bookmarks'): Promise<void> {
  if (!(await page.isVisible('#side-panel .tabs')))
    await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click(`#tab-${tab}`);
  await page.locator(tab === 'notes' ? '#notes-list' : '#bookmark-list').waitFor();
}

/** A profile with one note and one bookmark, its host stopped (user.sqlite closed). */
async function profileWithNotes(name: string): Promise<{ dir: string; section: SectionView }> {
  const dir = path.join(session.tempDir(name), 'profile');
  const edition = await session.start(dir);
  const page = await openReader(session.browser.context, edition.url);
  const section = await firstSection(page);
  const p = section.paragraphs[0]!;
  await callApi(page, 'addAnnotation', {
    startParagraphId: p.id,
    startOffset: 0,
    endParagraphId: p.id,
    endOffset: Math.min(10, p.text.length),
    color: 'green',
    note: '読み取り専用でも読めるメモ',
    tags: ['確認'],
  });
  await callApi(page, 'toggleBookmark', { sectionId: section.id });
  await page.close();
  await edition.stop();
  return { dir, section };
}

it('a read-only profile: said once, editing controls off and named so, reading, search and export on, nothing written', async () => {
  const { dir, section } = await profileWithNotes('read-only');
  const file = path.join(dir, 'user.sqlite');
  const before = snapshot(dir);
  makeImmutable(file, dir);

  const edition = await session.start(dir);
  const page = await openReader(session.browser.context, edition.url);
  await loadAtSection(page, edition.origin, section.id);

  // Said once, plainly, in Japanese, with the file.
  const notice = page.locator('.notices li[data-notice="database_read_only"]');
  await notice.waitFor();
  expect(await notice.count()).toBe(1);
  expect(await notice.textContent()).toContain('読み取り専用のため、しおりとメモは表示のみで');
  expect(await notice.textContent()).toContain(file);
  const info = await callApi<{ notesReadOnly: boolean }>(page, 'getAppInfo');
  expect(info.notesReadOnly).toBe(true);

  // The bookmark button and menu beside the breadcrumb.
  const star = 'main .crumbbar button.bookmark';
  expect(await page.isDisabled(star)).toBe(true);
  expect(await axNode(page, star)).toMatchObject({ disabled: true, description: UNAVAILABLE });
  expect(await page.isDisabled('main .crumbbar button[aria-haspopup="menu"]')).toBe(true);

  // The メモ tab: the note is listed, and can be opened to read; nothing can be added.
  await openPanelTab(page, 'notes');
  expect(await page.textContent('#notes-read-only')).toContain(
    '表示・検索・コピー・書き出しはできます',
  );
  const rows = page.locator('#notes-list li[data-annotation]');
  expect(await rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain('読み取り専用でも読めるメモ');
  const sectionNote = '#notes-list .tools button';
  expect(await axNode(page, sectionNote)).toMatchObject({
    name: 'この項目にメモ',
    disabled: true,
    description: UNAVAILABLE,
  });
  const importButton = '#notes-list .io button:has-text("読み込み…")';
  expect(await page.isDisabled(importButton)).toBe(true);

  // The editor opens to show the note: readable (and selectable), not savable.
  await rows.first().locator('button.edit').click();
  const sheet = page.locator('.note-sheet');
  await sheet.waitFor();
  expect(await sheet.locator('textarea').inputValue()).toBe('読み取り専用でも読めるメモ');
  expect(await sheet.locator('textarea').getAttribute('readonly')).not.toBeNull();
  expect(await sheet.locator('button[type="submit"]').isDisabled()).toBe(true);
  expect(await sheet.locator('button.danger').isDisabled()).toBe(true);
  expect(await axNode(page, '.note-sheet button[type="submit"]')).toMatchObject({
    name: '保存',
    disabled: true,
  });
  expect(await sheet.locator('#sheet-read-only').textContent()).toContain('変更できません');
  await screenshot(page, 'notes-read-only');
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });

  // The しおり tab: listed and openable; neither renamed nor deleted.
  await openPanelTab(page, 'bookmarks');
  const mark = page.locator(`#bookmark-list li[data-bookmark-section="${section.id}"]`);
  expect(await mark.count()).toBe(1);
  for (const action of ['の名前を変更', 'を削除']) {
    const selector = `#bookmark-list li[data-bookmark-section="${section.id}"] .actions button[aria-label$="${action}"]`;
    expect(await axNode(page, selector)).toMatchObject({
      disabled: true,
      description: UNAVAILABLE,
    });
  }

  // The colour bar of a selection: there, but every button unavailable.
  const p = section.paragraphs[1]!;
  await selectPassage(page, p.id, 0, Math.min(8, p.text.length));
  const bar = page.locator('.selbar.placed');
  await bar.waitFor();
  for (const button of await bar.locator('button').all())
    expect(await button.getAttribute('aria-disabled')).toBe('true');
  expect(await axNode(page, '.selbar button[data-color="yellow"]')).toMatchObject({
    disabled: true,
    description: UNAVAILABLE,
  });
  // A click anyway (past Playwright's own check of aria-disabled) stores nothing.
  await bar.locator('button[data-color="yellow"]').click({ force: true });
  // M (annotate here) says why instead of opening an editor.
  await page.locator('main .scroller').focus();
  await page.keyboard.press('m');
  expect(await toastText(page)).toContain('読み取り専用のため、変更できません');
  expect(await page.locator('.note-sheet').count()).toBe(0);

  // Backups: listed, but neither taken, restored nor deleted.
  await openPanelTab(page, 'notes');
  await page.click('#notes-list button[aria-label="バックアップから復元"]');
  await page.locator('dialog[open]').waitFor();
  expect(await page.isDisabled('dialog[open] button.take')).toBe(true);
  await page.keyboard.press('Escape');

  // Search and export still work.
  await page.keyboard.press('Control+f');
  await page.keyboard.insertText('半導体');
  await page.waitForSelector('#search-results[data-query="半導体"]');
  expect(await page.locator('#search-results button.result').count()).toBeGreaterThan(0);
  await openPanelTab(page, 'notes');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#notes-list button:has-text("Markdown")'),
  ]);
  const exported = path.join(session.tempDir('read-only-export'), download.suggestedFilename());
  await download.saveAs(exported);
  expect(fs.readFileSync(exported, 'utf8')).toContain('読み取り専用でも読めるメモ');

  // Nothing was stored, and nothing in the profile changed.
  expect((await callApi<Annotation[]>(page, 'listAnnotations')).length).toBe(1);
  expect((await callApi<Bookmark[]>(page, 'listBookmarks')).length).toBe(1);
  expect(await page.evaluate('window.__hakusho.errors.slice()')).toEqual([]);
  await page.close();
  await edition.stop();
  releaseImmutable();
  expect(snapshot(dir)).toEqual(before);
}, 240_000);

it('a profile that becomes read-only while a note is written: the save refused, the text kept, the session read-only', async () => {
  const { dir, section } = await profileWithNotes('read-only-later');
  const edition = await session.start(dir);
  const page = await openReader(session.browser.context, edition.url);
  await loadAtSection(page, edition.origin, section.id);
  await openPanelTab(page, 'notes');
  await page.click('#notes-list .tools button:has-text("この項目にメモ")');
  const sheet = page.locator('.note-sheet');
  await sheet.waitFor();
  const typed = '保存できなくても消えてはならない文章';
  await sheet.locator('textarea').fill(typed);

  // The database and its journal become immutable (the shared-memory index SQLite maps
  // stays as it is: a mapped file that refuses writes ends the process).
  const file = path.join(dir, 'user.sqlite');
  makeImmutable(file, `${file}-wal`);
  await sheet.locator('button[type="submit"]').click();

  const said = sheet.locator('#sheet-read-only[role="alert"]');
  await said.waitFor();
  expect(await said.textContent()).toContain('入力した文章はここに残っています');
  expect(await sheet.locator('textarea').inputValue()).toBe(typed);
  expect(await sheet.locator('textarea').getAttribute('readonly')).not.toBeNull();
  expect(await sheet.locator('button[type="submit"]').isDisabled()).toBe(true);
  // The rest of the app follows: the notice, once, and the controls off.
  const notice = page.locator('.notices li[data-notice="database_read_only"]');
  await notice.waitFor();
  expect(await notice.count()).toBe(1);
  expect(await page.isDisabled('main .crumbbar button.bookmark')).toBe(true);
  expect(await page.isVisible('#notes-read-only')).toBe(true);
  await screenshot(page, 'notes-read-only-later');

  // Closing asks before dropping what was typed.
  await sheet.locator('textarea').focus();
  await page.keyboard.press('Escape');
  expect(await sheet.locator('#unsaved-title').textContent()).toBeTruthy();
  expect((await callApi<Annotation[]>(page, 'listAnnotations')).map((a) => a.note)).toEqual([
    '読み取り専用でも読めるメモ',
  ]);
  await page.close();
  await edition.stop();
}, 240_000);

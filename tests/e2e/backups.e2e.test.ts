// Backups in the reader: restore an earlier state of the notes from the backups view
// (and the restore says what it did, and refuses clearly while another process holds
// the database); a damaged user.sqlite at start gives a notice in the reader's
// language with the moved-aside path and a way into the backups view.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import type {
  Annotation,
  BackupEntry,
  SectionView,
  TocEntry,
} from '../../electron/common/api/types';
import { useE2eSession } from './testing/session';
import { callApi, openReader, screenshot } from './testing/reader-page';
import type { Page } from 'playwright-core';

const session = useE2eSession();
const { tempDir } = session;

async function firstParagraph(page: Page): Promise<{ id: string; text: string }> {
  const toc = await callApi<TocEntry[]>(page, 'getToc');
  for (const entry of toc) {
    const view = await callApi<SectionView>(page, 'getSection', { id: entry.id });
    if (view.paragraphs.length > 0) return view.paragraphs[0]!;
  }
  throw new Error('no section with text');
}

async function addNote(page: Page, note: string): Promise<Annotation> {
  const paragraph = await firstParagraph(page);
  return callApi<Annotation>(page, 'addAnnotation', {
    startParagraphId: paragraph.id,
    startOffset: 0,
    endParagraphId: paragraph.id,
    endOffset: Math.min(10, paragraph.text.length),
    color: 'green',
    note,
  });
}

async function openBackupsFromNotes(page: Page): Promise<void> {
  await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click('#tab-notes');
  await page.click('#notes-list button[aria-label="バックアップから復元"]');
  await page.locator('dialog.backups[open]').waitFor();
}

const notes = async (page: Page) =>
  (await callApi<Annotation[]>(page, 'listAnnotations')).map((a) => a.note);

it('restores an earlier backup from the backups view, and the earlier notes are back', async () => {
  const userData = tempDir('restore');
  const edition = await session.start(userData);
  const page = await openReader(session.browser.context, edition.url);
  const kept = await addNote(page, '残しておきたいメモ');
  const backup = await callApi<BackupEntry>(page, 'createBackup');
  expect(backup.reason).toBe('manual');
  await callApi(page, 'updateAnnotation', { id: kept.id, note: 'うっかり書き換えたメモ' });
  await addNote(page, 'あとから足したメモ');
  await page.reload();

  await openBackupsFromNotes(page);
  const row = page.locator(`dialog.backups tr[data-backup="${backup.name}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain('手動');
  await screenshot(page, 'backups-view');
  await row.locator('button.restore').click();
  const confirm = page.locator('dialog.backups .confirm');
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain('「復元の前」のバックアップとして保存されます');
  // The question has focus (keyboard and screen-reader users hear it first).
  expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe(
    'restore-confirm-title',
  );
  await screenshot(page, 'backups-confirm');
  await confirm.locator('button.primary').click();
  const outcome = page.locator('dialog.backups .outcome');
  await expect.poll(() => outcome.textContent()).toContain('復元しました');
  expect(await outcome.textContent()).toContain('メモ 1 件');
  await screenshot(page, 'backups-restored');

  // The UI shows the restored notes (the panel behind the dialog), and so does the store.
  expect(await notes(page)).toEqual(['残しておきたいメモ']);
  const list = page.locator('#notes-list li[data-annotation]');
  await expect.poll(() => list.count()).toBe(1);
  expect(await list.first().textContent()).toContain('残しておきたいメモ');
  // The state before the restore was kept as a backup and is listed.
  await expect
    .poll(() => page.locator('dialog.backups tbody tr').first().textContent())
    .toContain('復元の前');

  // While another process holds the database, a restore is refused with a clear message.
  const other = new Database(path.join(userData, 'user.sqlite'));
  try {
    other.prepare('SELECT count(*) FROM meta').get();
    await page.locator(`dialog.backups tr[data-backup="${backup.name}"] button.restore`).click();
    await confirm.locator('button.primary').click();
    await expect.poll(() => outcome.textContent()).toContain('使用中');
    expect(await outcome.getAttribute('class')).toContain('error');
  } finally {
    other.close();
  }
  expect(await notes(page)).toEqual(['残しておきたいメモ']);

  // The list says how much room the backups take; one is deleted after a question.
  const total = page.locator('dialog.backups .total');
  const rows = page.locator('dialog.backups tbody tr');
  const before = await rows.count();
  expect(await total.textContent()).toMatch(new RegExp(`${before} 件・合計 [\\d.,]+ (KB|MB|B)`));
  await row.locator('button.delete').click();
  const question = page.locator('dialog.backups .confirm');
  expect(await question.textContent()).toContain('削除したバックアップには戻せません');
  expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe(
    'delete-confirm-title',
  );
  await screenshot(page, 'backups-delete-confirm');
  await question.locator('button.primary').click();
  await expect.poll(() => outcome.textContent()).toContain('削除しました');
  await expect.poll(() => rows.count()).toBe(before - 1);
  expect(await row.count()).toBe(0);
  expect((await callApi<BackupEntry[]>(page, 'listBackups')).map((b) => b.name)).not.toContain(
    backup.name,
  );
  expect(await notes(page)).toEqual(['残しておきたいメモ']);

  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('dialog.backups[open]').count()).toBe(0);
  await page.close();
});

it('after a damaged database at start, says what happened in the reader’s language and offers the backups', async () => {
  const userData = tempDir('damaged');
  const first = await session.start(userData);
  let page = await openReader(session.browser.context, first.url);
  await addNote(page, '壊れる前のメモ');
  const backup = await callApi<BackupEntry>(page, 'createBackup');
  await page.close();
  await first.stop();
  fs.writeFileSync(path.join(userData, 'user.sqlite'), 'not a database at all '.repeat(200));

  const second = await session.start(userData);
  page = await openReader(session.browser.context, second.url);
  const notice = page.locator('.notices[role="alert"]');
  await notice.waitFor();
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain('壊れていたため');
  expect(text).toContain('SQLite の形式ではありません');
  expect(text).toContain('移動先');
  const moved = (await notice.locator('code.path').first().textContent()) ?? '';
  expect(moved.startsWith(path.join(userData, 'damaged'))).toBe(true);
  expect(fs.existsSync(moved)).toBe(true);
  expect(await notes(page)).toEqual(['壊れる前のメモ']);
  await screenshot(page, 'notice-damaged-ja');

  // The offered backups view lists the backup that was used.
  await notice.locator('button.choose').click();
  await page.locator('dialog.backups[open]').waitFor();
  await page.locator(`dialog.backups tr[data-backup="${backup.name}"]`).waitFor();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('dialog.backups[open]').count()).toBe(0);

  // In English, the same facts in English.
  await page.click('button[aria-label="Switch the interface to English"]');
  await expect.poll(() => notice.textContent()).toContain('not in SQLite format');
  const english = (await notice.textContent()) ?? '';
  expect(english).toContain('Moved to');
  expect(english).toContain(moved);
  expect(await notice.locator('button.choose').textContent()).toBe('Choose another backup…');
  await page.evaluate(`document.documentElement.dataset.theme = 'dark'`);
  await screenshot(page, 'notice-damaged-en-dark');
  await notice.locator('button.choose').click();
  await page.locator('dialog.backups[open]').waitFor();
  await expect
    .poll(() => page.locator('dialog.backups h2').textContent())
    .toBe('Backups and restore');
  await screenshot(page, 'backups-view-en-dark');
  await page.close();
});

// Importing notes through the reader's own button: a large file shows its progress
// (phase, items of the total, a named progress bar) and can be cancelled — then the
// notes are as they were; a second import completes and lists its conflicts with
// their reasons and the backup taken before.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {
  Annotation,
  DocumentInfo,
  ExportFile,
  SectionView,
  TocEntry,
} from '../../electron/common/api/types';
import { unplaceableExport } from '../fixtures/notes-export';
import { useE2eSession } from './testing/session';
import { callApi, openReader, screenshot } from './testing/reader-page';

const session = useE2eSession();

/** Items in the large file: enough that the import is still placing when cancelled. */
const LARGE_COUNT = 10_000;

async function firstParagraph(page: Page): Promise<{ sectionId: string; id: string }> {
  const toc = await callApi<TocEntry[]>(page, 'getToc');
  for (const entry of toc) {
    const view = await callApi<SectionView>(page, 'getSection', { id: entry.id });
    if (view.paragraphs.length > 0) return { sectionId: view.id, id: view.paragraphs[0]!.id };
  }
  throw new Error('no section with text');
}

async function openNotes(page: Page): Promise<void> {
  await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click('#tab-notes');
  await page.locator('#notes-list').waitFor();
}

const input = '#notes-list input[type="file"]';
const notes = async (page: Page) => (await callApi<Annotation[]>(page, 'listAnnotations')).length;

it('shows a large import’s progress, and a cancel leaves the notes as they were', async () => {
  const dir = session.tempDir('notes-import');
  const edition = await session.start(path.join(dir, 'profile'));
  const page = await openReader(session.browser.context, edition.url);
  const document = await callApi<DocumentInfo>(page, 'getDocument');
  const at = await firstParagraph(page);
  await callApi(page, 'addAnnotation', {
    startParagraphId: at.id,
    startOffset: 0,
    endParagraphId: at.id,
    endOffset: 8,
    color: 'green',
    note: 'もとからあるメモ',
  });
  await page.reload();
  const large = path.join(dir, 'large.jsonld');
  fs.writeFileSync(
    large,
    unplaceableExport({
      document,
      sectionId: at.sectionId,
      paragraphId: at.id,
      count: LARGE_COUNT,
    }),
  );
  await openNotes(page);

  // The reader cancels as soon as items counted of the total show: a watcher in the
  // page clicks Cancel at that moment (no round trip) and keeps the text it saw.
  await page.evaluate(`(() => {
    const watcher = new MutationObserver(() => {
      const phase = document.querySelector('.import.running .phase')?.textContent ?? '';
      if (!/(確かめて|位置を探して)います\\s*\\d+ \\/ 10000 件/.test(phase)) return;
      const cancel = [...document.querySelectorAll('.import.running button')].find((b) =>
        b.textContent.includes('読み込みを取り消す'),
      );
      if (!cancel || cancel.disabled) return;
      window.__importSeen = {
        phase,
        bar: document.querySelector('.import.running progress')?.getAttribute('aria-label'),
        importDisabled: [...document.querySelectorAll('#notes-list .io button')].find((b) =>
          b.textContent.includes('読み込み…'),
        ).disabled,
      };
      watcher.disconnect();
      cancel.click();
    });
    watcher.observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  await page.setInputFiles(input, large);
  await expect
    .poll(() => page.evaluate('window.__importSeen ?? null'), { timeout: 120_000 })
    .toMatchObject({
      phase: expect.stringMatching(/\d+ \/ 10000 件/),
      // The bar is named; no second import can start meanwhile.
      bar: 'メモの読み込みの進み具合',
      importDisabled: true,
    });
  const result = page.locator('section.import[aria-label="読み込みの結果"]');
  await result.waitFor({ timeout: 60_000 });
  expect(await result.textContent()).toContain('読み込みを取り消しました。何も保存していません。');
  await screenshot(page, 'notes-import-cancelled');
  expect(await notes(page)).toBe(1);
  expect(await page.locator('#notes-list li[data-annotation]').count()).toBe(1);
  await result.locator('button', { hasText: '閉じる' }).click();
  await result.waitFor({ state: 'detached' });

  // A second import: this reader's own export with the note changed — a conflict,
  // kept beside the stored note — completes and lists it.
  const exported = await callApi<ExportFile>(page, 'exportAnnotations', { format: 'w3c' });
  const changed = path.join(dir, 'changed.jsonld');
  fs.writeFileSync(changed, exported.body.replace('もとからあるメモ', '書き換えたメモ'));
  await page.setInputFiles(input, changed);
  await result.waitFor({ timeout: 60_000 });
  const text = (await result.textContent()) ?? '';
  expect(text).toContain('衝突 1 件');
  expect(text).toMatch(/読み込む前のバックアップ：.*pre-import\.sqlite/);
  const conflict = result.locator('li[data-outcome="conflict"]');
  expect(await conflict.count()).toBe(1);
  expect(await conflict.textContent()).toContain('項目 1（メモ・衝突）');
  await screenshot(page, 'notes-import-conflicts');
  expect(await notes(page)).toBe(2);
  await expect.poll(() => page.locator('#notes-list li[data-annotation]').count()).toBe(2);
}, 240_000);

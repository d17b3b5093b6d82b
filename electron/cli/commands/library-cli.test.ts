// The library through the CLI, as a user runs it: `library import` of a PDF, an HTML
// file, an EPUB and Shift_JIS text, `library list`, then `toc`, `read`, `search`,
// `annotations`, `bookmarks` and `export` with `--doc`, `search --all` across the
// library, `library meta`, `library remove` (refused without --yes, exit 2). Each
// command is its own run — the core opened and closed every time, so every step is
// also a restart. In-process through runCli, plus the `hakusho` bin as a child
// process, which runs the bundle and the bundled import worker.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../testing/in-process';
import { addHighlightArgs } from '../../core/testing/cli-args';
import { makeEpub } from '../../core/import/testing/zip-writer';
import { contentDb, snapshot } from '../../core/testing/library-profile';
import { repoRoot } from '../../core/paths';

const FIXTURES = path.join(repoRoot(), 'tests', 'fixtures', 'import');
let root: string;
let content: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-library-cli-'));
  content = contentDb();
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const run = (args: string[], userData: string) => runCliInProcess(args, userData, content);

describe('library CLI', () => {
  it('imports four formats, reads, searches, annotates and exports with --doc, removes with --yes', async () => {
    const ud = path.join(root, 'main');
    const pdf = await run(
      ['library', 'import', path.join(FIXTURES, 'vertical.pdf'), '--title', '縦書き版', '--json'],
      ud,
    );
    expect(pdf.code).toBe(0);
    const pdfOut = JSON.parse(pdf.stdout) as { id: string; title: string };
    expect(pdfOut).toMatchObject({ title: '縦書き版', replaced: false, orphans: [] });
    expect(pdf.stderr).toMatch(/page 5\/5/);
    const pdfId = pdfOut.id;

    // Without --json: the id alone on stdout, for a script.
    const html = await run(['library', 'import', path.join(FIXTURES, 'library/report.html')], ud);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^doc-[0-9a-f]{16}$/);
    const epubFile = path.join(root, 'book.epub');
    fs.writeFileSync(
      epubFile,
      makeEpub({
        title: 'EPUB版',
        chapters: [{ file: 'a.xhtml', body: '<h1>第１章　総論</h1><p>半導体の供給網。</p>' }],
      }),
    );
    const epub = await run(['library', 'import', epubFile, '--json'], ud);
    expect(epub.code).toBe(0);
    const text = await run(
      ['library', 'import', path.join(FIXTURES, 'library/memo-sjis.txt'), '--json'],
      ud,
    );
    expect(text.code).toBe(0);

    const list = await run(['library', 'list', '--json'], ud);
    const docs = JSON.parse(list.stdout) as {
      id: string;
      format: string | null;
      writingMode: string;
    }[];
    expect(docs[0]?.format).toBeNull();
    expect(
      docs
        .slice(1)
        .map((d) => d.format)
        .sort(),
    ).toEqual(['epub', 'html', 'pdf', 'text']);
    expect(docs.find((d) => d.id === pdfId)?.writingMode).toBe('vertical');
    expect((await run(['library', 'list'], ud)).stdout).toContain(`${pdfId}  縦書き版`);

    // toc, read with --doc; the bundled chapter without it, as before.
    const toc = JSON.parse((await run(['toc', '--doc', pdfId, '--json'], ud)).stdout) as {
      id: string;
      title: string;
    }[];
    expect(toc[0]?.title).toBe('第１節　米国');
    expect((JSON.parse((await run(['toc', '--json'], ud)).stdout) as { id: string }[])[0]?.id).toBe(
      'us',
    );
    const leaf = toc.at(-1)?.id as string;
    const read = JSON.parse((await run(['read', leaf, '--doc', pdfId, '--json'], ud)).stdout) as {
      paragraphs: { id: string; text: string }[];
      pageMarkers?: { paragraphId: string; offset: number; label: string }[];
    };
    // The printed page each paragraph starts on comes with the section.
    expect(read.pageMarkers?.find((m) => m.paragraphId === read.paragraphs[0]?.id)).toMatchObject({
      offset: 0,
      label: expect.stringMatching(/^\d+$/),
    });
    const missing = await run(['toc', '--doc', 'doc-0000000000000000'], ud);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^hakusho: .*no document doc-0000000000000000/);

    // Search one document, and the whole library grouped by document.
    const one = JSON.parse(
      (await run(['search', '米国', '--doc', pdfId, '--json'], ud)).stdout,
    ) as { results: { sectionId: string }[]; totalHits: number; hits: unknown[] };
    expect(one.results.length).toBeGreaterThan(0);
    expect(one.hits.length).toBe(one.totalHits);
    const all = JSON.parse((await run(['search', '半導体', '--all', '--json'], ud)).stdout) as {
      groups: { documentId: string; totalHits: number }[];
      searched: number;
    };
    expect(all.searched).toBe(5);
    expect(all.groups.map((g) => g.documentId)).toEqual(
      expect.arrayContaining(['meti-white-paper-2023-us-canada', pdfId]),
    );
    expect((await run(['search', 'x', '--all', '--doc', pdfId], ud)).code).toBe(2);

    // Annotate and bookmark in the imported document; the chapter's notes stay apart.
    const para = read.paragraphs[0] as { id: string; text: string };
    const added = await run(
      addHighlightArgs(
        { paragraph: para.id, start: 0, end: 3, note: '縦書きのメモ' },
        '--doc',
        pdfId,
        '--json',
      ),
      ud,
    );
    expect(added.code).toBe(0);
    const annotation = JSON.parse(added.stdout) as { id: string; documentId: string };
    expect(annotation.documentId).toBe(pdfId);
    const listed = JSON.parse(
      (await run(['annotations', 'list', '--doc', pdfId, '--json'], ud)).stdout,
    ) as { id: string }[];
    expect(listed.map((a) => a.id)).toEqual([annotation.id]);
    expect((await run(['annotations', 'list', '--json'], ud)).stdout).toBe('[]');
    expect((await run(['bookmarks', 'list', '--doc', pdfId, '--json'], ud)).stdout).toBe('[]');

    // Export with the document's title, the note and links that carry the document id.
    const md = await run(['export', '--format', 'md', '--doc', pdfId, '--lang', 'ja'], ud);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('縦書きのメモ');
    expect(md.stdout).toContain(`hakusho-reader://section/`);
    expect(md.stdout).toContain(`doc=${pdfId}`);

    // Metadata for citations.
    const meta = await run(
      ['library', 'meta', pdfId, '--publisher', '経済産業省', '--year', '2023', '--json'],
      ud,
    );
    expect(JSON.parse(meta.stdout)).toMatchObject({ publisher: '経済産業省', year: '2023' });

    // Removing needs --yes: a usage error (exit 2) that changes nothing.
    const before = snapshot(ud);
    const refused = await run(['library', 'remove', pdfId], ud);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/add --yes/);
    expect(snapshot(ud)).toEqual(before);
    const removed = await run(['library', 'remove', pdfId, '--yes'], ud);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/1 notes kept/);
    expect((await run(['library', 'list'], ud)).stdout).not.toContain(pdfId);
    expect((await run(['library', 'list', '--all'], ud)).stdout).toContain('removed (notes kept)');
    const kept = await run(['export', '--format', 'md', '--doc', pdfId], ud);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('縦書きのメモ');
  });

  it('a hostile file is one line on stderr, exit 1, and the library as it was', async () => {
    const ud = path.join(root, 'hostile');
    expect(
      (await run(['library', 'import', path.join(FIXTURES, 'library/edition-2023.txt')], ud)).code,
    ).toBe(0);
    const before = snapshot(ud);
    const pdf = fs.readFileSync(path.join(FIXTURES, 'one-column.pdf'));
    const cut = path.join(root, 'cut.pdf');
    fs.writeFileSync(cut, pdf.subarray(0, 5000));
    const truncated = await run(['library', 'import', cut], ud);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr.split('\n').at(-1)).toBe(
      'hakusho: cut.pdf: truncated PDF (no end-of-file marker): download it again',
    );
    const encrypted = await run(
      ['library', 'import', path.join(FIXTURES, 'encrypted.pdf'), '--json'],
      ud,
    );
    expect(encrypted.code).toBe(1);
    expect(JSON.parse(encrypted.stderr.split('\n').at(-1) as string)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^encrypted\.pdf: encrypted PDF/) },
    });
    const same = await run(
      ['library', 'import', path.join(FIXTURES, 'library/edition-2023.txt')],
      ud,
    );
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/already in the library/);
    expect((await run(['library', 'import', path.join(root, 'nope.pdf')], ud)).code).toBe(1);
    expect(snapshot(ud)).toEqual(before);
  });

  it('--edition-of imports a newer edition of the document named: notes re-anchored, orphans counted', async () => {
    const ud = path.join(root, 'editions');
    const v1 = await run(
      ['library', 'import', path.join(FIXTURES, 'library/edition-2023.txt'), '--title', '白書A'],
      ud,
    );
    const id = v1.stdout.trim();
    const toc = JSON.parse((await run(['toc', '--doc', id, '--json'], ud)).stdout) as {
      id: string;
    }[];
    const last = JSON.parse(
      (await run(['read', toc.at(-1)!.id, '--doc', id, '--json'], ud)).stdout,
    ) as { paragraphs: { id: string; text: string }[] };
    const gone = last.paragraphs.find((x) => x.text.includes('物価上昇率は高まり'))!;
    expect(
      (
        await run(
          addHighlightArgs(
            { paragraph: gone.id, start: 1, end: 10, note: '消える箇所' },
            '--doc',
            id,
          ),
          ud,
        )
      ).code,
    ).toBe(0);
    const before = snapshot(ud);
    const both = await run(
      [
        'library',
        'import',
        path.join(FIXTURES, 'library/edition-2024.txt'),
        '--edition-of',
        id,
        '--new',
      ],
      ud,
    );
    expect(both.code).toBe(2);
    expect(snapshot(ud)).toEqual(before);
    // Another title, named by the reader as the document's newer edition.
    const v2 = await run(
      [
        'library',
        'import',
        path.join(FIXTURES, 'library/edition-2024.txt'),
        '--edition-of',
        id,
        '--json',
      ],
      ud,
    );
    expect(v2.code).toBe(0);
    const out = JSON.parse(v2.stdout) as { id: string; replaced: boolean; orphans: string[] };
    expect(out).toMatchObject({ id, replaced: true });
    expect(out.orphans).toHaveLength(1);
    expect(v2.stderr).toMatch(
      /edition 2 of .*1 whose passage is gone \(kept\); the previous edition is kept with backup user-/,
    );
    expect((await run(['library', 'list'], ud)).stdout).toMatch(/edition 2/);
  });

  it('the `hakusho` bin imports through the bundled worker', () => {
    const ud = path.join(root, 'bin');
    const bin = path.join(repoRoot(), 'build', 'hakusho.mjs');
    const result = spawnSync(
      bin,
      [
        'library',
        'import',
        path.join(FIXTURES, 'two-column.pdf'),
        '--json',
        '--user-data',
        ud,
        '--content',
        content,
      ],
      { cwd: repoRoot(), encoding: 'utf8' },
    );
    expect(result.stderr).toMatch(/page 5\/5/);
    expect(result.status).toBe(0);
    const id = (JSON.parse(result.stdout) as { id: string }).id;
    expect(fs.readdirSync(path.join(ud, 'library'))).toEqual([
      expect.stringMatching(new RegExp(`^${id}-[0-9a-f]{8}\\.sqlite$`)),
    ]);
  });
});

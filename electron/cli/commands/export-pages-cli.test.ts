// The printed pages of a quote in the Markdown export, as a user gets them from the
// CLI: `library import` of a PDF, a highlight in it (`annotations add --doc`), then
// `export --format md --doc`: each quote's citation line names the page the importer
// recorded for its passage ("p. N") — the rule a copy's citation follows (a passage
// across pages, "pp. N–M", is covered by the export's unit tests: the fixture's page
// breaks fall between sections). The bundled chapter has no pages:
// its export names none. Each command is its own run (the core opened and closed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../testing/in-process';
import { addHighlightArgs } from '../../core/testing/cli-args';
import { contentDb } from '../../core/testing/library-profile';
import { repoRoot } from '../../core/paths';

const FIXTURES = path.join(repoRoot(), 'tests', 'fixtures', 'import');
let root: string;
let content: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-export-pages-'));
  content = contentDb();
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const run = (args: string[], userData: string) => runCliInProcess(args, userData, content);

interface Read {
  paragraphs: { id: string; text: string }[];
  pageMarkers?: { paragraphId: string; offset: number; label: string }[];
  roles?: Record<string, string>;
}

describe('export --doc of an imported PDF', () => {
  it('cites each quote with the printed page of its passage', async () => {
    const ud = path.join(root, 'profile');
    const imported = await run(
      ['library', 'import', path.join(FIXTURES, 'one-column.pdf'), '--json'],
      ud,
    );
    expect(imported.code).toBe(0);
    const id = (JSON.parse(imported.stdout) as { id: string }).id;
    const toc = JSON.parse((await run(['toc', '--doc', id, '--json'], ud)).stdout) as {
      id: string;
    }[];

    // Body paragraphs with the page each starts on (the fixture's sections begin on pages 3 to 5).
    const pages: { para: { id: string; text: string }; label: string }[] = [];
    for (const { id: section } of toc) {
      const read = JSON.parse(
        (await run(['read', section, '--doc', id, '--json'], ud)).stdout,
      ) as Read;
      for (const para of read.paragraphs) {
        const label = read.pageMarkers?.find((m) => m.paragraphId === para.id && m.offset === 0);
        if (label && !read.roles?.[para.id] && para.text.length >= 10)
          pages.push({ para, label: label.label });
      }
    }
    const first = pages[0]!;
    const later = pages.find((p) => p.label !== first.label)!;
    expect(later).toBeDefined();
    for (const [i, { para }] of [first, later].entries()) {
      const added = await run(
        addHighlightArgs({ paragraph: para.id, start: 0, end: 8, note: `メモ${i}` }, '--doc', id),
        ud,
      );
      expect(added.code).toBe(0);
    }

    const md = await run(['export', '--format', 'md', '--doc', id, '--lang', 'ja'], ud);
    expect(md.code).toBe(0);
    const blocks = md.stdout.split('**ハイライト**').slice(1);
    const citeOf = (note: string) =>
      blocks
        .find((b) => b.includes(note))
        ?.split('\n')
        .find((l) => l.startsWith('出典：'));
    expect(citeOf('メモ0')).toMatch(new RegExp(`、p\\. ${first.label}$`));
    expect(citeOf('メモ1')).toMatch(new RegExp(`、p\\. ${later.label}$`));
    const en = await run(['export', '--format', 'md', '--doc', id, '--lang', 'en'], ud);
    expect(en.stdout).toMatch(new RegExp(`, p\\. ${first.label}\\n`));

    // The bundled chapter has no pages: a quote's citation is as it always was.
    let chapter: Read | null = null;
    for (const { id: section } of JSON.parse((await run(['toc', '--json'], ud)).stdout) as {
      id: string;
    }[]) {
      chapter = JSON.parse((await run(['read', section, '--json'], ud)).stdout) as Read;
      if (chapter.paragraphs.length > 0) break;
    }
    if (!chapter) throw new Error('the bundled chapter has no text');
    expect(chapter.pageMarkers).toBeUndefined();
    const note = await run(
      addHighlightArgs({
        paragraph: chapter.paragraphs[0]!.id,
        start: 0,
        end: 5,
        note: '章のメモ',
      }),
      ud,
    );
    expect(note.code).toBe(0);
    const chapterMd = await run(['export', '--format', 'md', '--lang', 'ja'], ud);
    const chapterCites = chapterMd.stdout.split('\n').filter((l) => l.startsWith('出典：'));
    expect(chapterCites).toHaveLength(1);
    expect(chapterCites[0]).not.toMatch(/pp?\. \d/);
  }, 180_000);
});

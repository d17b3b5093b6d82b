// The glossary and the reader's exports through the CLI, in-process against a real
// content database and a real profile with notes, each through the one reader core
// the CLI opens: `glossary --json` is the committed list; the Markdown and Word
// exports say what a reader needs (headings, quotes with their citation, notes, tags,
// local dates) in the interface language, and the .docx is opened by two readers (its
// XML, and mammoth).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../common/api/types';
import { formatLocalDateTime } from '../../common/export/datetime';
import { openContentStore } from '../../core/content/store';
import expected from '../../core/glossary/chapter-glossary.expected.json';
import { runCliInProcess } from '../testing/in-process';

const METI_URL = 'https://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html';
/** The local time zone of this run: not UTC, so that a UTC date would show. */
const ZONE = 'Asia/Tokyo';

let root: string;
let contentDb: string;
let profile: string;
let zoneBefore: string | undefined;
let notes: Annotation[];

const run = (args: string[], userData = profile) => runCliInProcess(args, userData, contentDb);

/** Adds a highlight over `words` in the first paragraph that holds them. */
async function highlight(words: string, extra: string[]) {
  const store = openContentStore(contentDb);
  try {
    for (const doc of store.searchDocs())
      for (const p of doc.paragraphs) {
        const at = p.text.indexOf(words);
        if (at === -1) continue;
        const args = ['--paragraph', p.id, '--start', String(at), '--end'];
        const added = await run([
          'annotations',
          'add',
          ...args,
          String(at + words.length),
          ...extra,
          '--json',
        ]);
        expect(added.code).toBe(0);
        return;
      }
  } finally {
    store.close();
  }
  throw new Error(`no paragraph holds ${words}`);
}

beforeAll(async () => {
  zoneBefore = process.env.TZ;
  process.env.TZ = ZONE;
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-exports-cli-'));
  contentDb = path.join(root, 'content.sqlite');
  profile = path.join(root, 'profile');
  expect((await run(['toc'], path.join(root, 'warmup'))).code).toBe(0);
  await highlight('米国内の雇用者数は93.2万人', [
    '--note',
    '対米投資の規模。\n# 見出しではない',
    '--tag',
    '対米投資',
    '--tag',
    'IRA',
    '--color',
    'green',
  ]);
  await highlight('インド太平洋経済枠組み（IPEF）', ['--note', 'IPEF の定義']);
  notes = JSON.parse((await run(['annotations', 'list', '--json'])).stdout) as Annotation[];
  expect(notes).toHaveLength(2);
}, 180_000);

afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
  fs.rmSync(root, { recursive: true, force: true });
});

describe('glossary', () => {
  it('--json is the committed list', async () => {
    const result = await run(['glossary', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(expected.glossary);
  });

  it('lists each abbreviation with its long form and where it is defined', async () => {
    const lines = (await run(['glossary'])).stdout.split('\n');
    expect(lines).toHaveLength(expected.glossary.length);
    expect(lines).toContain('IPEF      インド太平洋経済枠組み  — defined in us-1.p2');
    expect(lines.find((l) => l.startsWith('WTO'))).toMatch(
      /世界貿易機関 \(World Trade Organization\)\s+— editorial/,
    );
  });
});

describe('export --format md', () => {
  it('is written for a reader: title, headings, quotes with their citation, notes, tags, local dates', async () => {
    const result = await run(['export', '--format', 'md']);
    expect(result.code).toBe(0);
    const md = result.stdout;
    expect(md.split('\n')[0]).toBe('# 『通商白書2023』米国・カナダ\u3000メモとしおり');
    expect(md).toMatch(/^## 第１節\u3000米国$/m);
    expect(md).toContain('> 米国内の雇用者数は93.2万人\n');
    expect(md).not.toContain('93\\.2');
    expect(md).toMatch(
      new RegExp(
        `^出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」.*（<${METI_URL}>）$`,
        'm',
      ),
    );
    // The note cannot open a heading; the tags in the interface language.
    expect(md).toContain('対米投資の規模。\\\n\\# 見出しではない');
    expect(md).toContain('タグ：対米投資、IRA');
    for (const note of notes) {
      const local = formatLocalDateTime(note.updatedAt, 'ja', ZONE);
      expect(local).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
      expect(md).toContain(`— ${local} 更新`);
      expect(md).toContain(
        `[アプリで開く](hakusho-reader://section/${note.sectionId}?annotation=${note.id})`,
      );
    }
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}T|UTC/);
    expect(md).toContain(`[経済産業省のページ](${METI_URL})`);
    expect(md.trimEnd().endsWith('「通商白書2023」（経済産業省）を加工して作成')).toBe(true);
  });

  it('--lang en writes the words in English, the book’s text as it is', async () => {
    const md = (await run(['export', '--format', 'md', '--lang', 'en'])).stdout;
    expect(md.split('\n')[0]).toBe(
      '# 『通商白書2023』 United States and Canada: notes and bookmarks',
    );
    expect(md).toContain('> 米国内の雇用者数は93.2万人\n');
    expect(md).toContain('Tags: 対米投資, IRA');
    expect(md).toMatch(/— updated [A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2}/);
    expect(md).not.toMatch(/タグ：|更新|アプリで開く/);
  });

  it('--out writes the file atomically and says where', async () => {
    const out = path.join(root, 'notes.md');
    const result = await run(['export', '--format', 'md', '--out', out, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ out });
    expect(fs.readFileSync(out, 'utf8')).toContain('> 米国内の雇用者数は93.2万人\n');
    expect(fs.readdirSync(root).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('export --format docx', () => {
  it('needs --out, and refuses a language it does not have', async () => {
    for (const args of [
      ['export', '--format', 'docx'],
      ['export', '--format', 'md', '--lang', 'fr'],
    ]) {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^hakusho: export: /);
    }
  });

  it('writes a Word document with headings, quotes, citations, notes, tags and local dates', async () => {
    const out = path.join(root, 'notes.docx');
    const result = await run(['export', '--format', 'docx', '--out', out]);
    expect(result.code).toBe(0);
    const bytes = fs.readFileSync(out);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('米国内の雇用者数は93.2万人');
    expect(xml).not.toContain('93\\.2');

    const html = (
      await mammoth.convertToHtml(
        { buffer: bytes },
        {
          styleMap: [
            "p[style-name='Title'] => h1.title:fresh",
            "p[style-name='Quote'] => blockquote > p:fresh",
            "p[style-name='Source Citation'] => p.citation:fresh",
          ],
        },
      )
    ).value;
    expect(html).toContain('<h1 class="title">『通商白書2023』米国・カナダ\u3000メモとしおり</h1>');
    expect(html).toContain('<h1>第１節\u3000米国</h1>');
    expect(html).toContain('<blockquote><p>米国内の雇用者数は93.2万人</p></blockquote>');
    expect(html).toMatch(
      new RegExp(
        `<p class="citation">出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」[^<]*（<a href="${METI_URL}">${METI_URL}</a>）</p>`,
      ),
    );
    expect(html).toContain('対米投資の規模。<br />');
    expect(html).toContain('タグ：対米投資、IRA');
    for (const note of notes)
      expect(html).toContain(`${formatLocalDateTime(note.updatedAt, 'ja', ZONE)} 更新`);
  });
});

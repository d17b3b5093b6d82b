// The notes commands of the CLI (bookmarks, annotations, export, import, backup)
// run in-process against a real content database and real user-data folders,
// each through the one reader core the CLI opens and the contract's invoke.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openContentStore } from '../../core/content/store';
import { SqliteLibrary } from '../../core/library/library';
import { runCliInProcess } from '../testing/in-process';
import { addHighlightArgs } from '../../core/testing/cli-args';

let root: string;
let contentDb: string;
let paragraphId: string;
let paragraphText: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-notes-cli-'));
  contentDb = path.join(root, 'content.sqlite');
  await run(['toc', '--json'], path.join(root, 'warmup'));
  const store = openContentStore(contentDb);
  const doc = store
    .searchDocs()
    .find((d) => d.paragraphs.some((p) => p.text.includes('経済産業大臣')));
  const p = doc?.paragraphs.find((x) => x.text.includes('経済産業大臣')) as {
    id: string;
    text: string;
  };
  paragraphId = p.id;
  paragraphText = p.text;
  store.close();
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const run = (args: string[], userData: string) => runCliInProcess(args, userData, contentDb);

describe('notes CLI', () => {
  it('annotations add prints the stored annotation with its id; list shows it', async () => {
    const ud = path.join(root, 'a');
    const at = paragraphText.indexOf('経済産業大臣');
    const added = await run(
      addHighlightArgs(
        { paragraph: paragraphId, start: at, end: at + 6, note: '大臣の訪問' },
        '--color',
        'green',
        '--tag',
        '訪問',
        '--tag',
        '大臣',
        '--json',
      ),
      ud,
    );
    expect(added.code).toBe(0);
    const annotation = JSON.parse(added.stdout);
    expect(annotation).toMatchObject({
      id: expect.stringMatching(/^an-/),
      kind: 'highlight',
      color: 'green',
      note: '大臣の訪問',
      tags: ['訪問', '大臣'],
      anchor: 'anchored',
    });
    expect(annotation.target.quote.exact).toBe('経済産業大臣');
    const list = await run(['annotations', 'list', '--json'], ud);
    expect(JSON.parse(list.stdout).map((a: { id: string }) => a.id)).toEqual([annotation.id]);
    const text = await run(['annotations', 'list', '--tag', '訪問'], ud);
    expect(text.stdout).toContain('「経済産業大臣」');
    expect((await run(['annotations', 'list', '--json', '--color', 'pink'], ud)).stdout).toBe('[]');
    // search also finds the note, marked as a note with the annotation id.
    const hits = JSON.parse((await run(['search', '大臣の訪問', '--json'], ud)).stdout);
    const note = hits.results.find((h: { kind: string }) => h.kind === 'note');
    expect(note).toMatchObject({ kind: 'note', annotationId: annotation.id, paragraphId });
    expect(note.snippet.slice(note.highlights[0][0], note.highlights[0][1])).toBe('大臣の訪問');
    // A profile that does not exist is not created by a search.
    await run(['search', '大臣', '--json'], path.join(root, 'never'));
    expect(fs.existsSync(path.join(root, 'never', 'user.sqlite'))).toBe(false);
  });

  it('refuses bad input with one line on stderr: exit 2 for the command line, 1 for the call', async () => {
    const ud = path.join(root, 'b');
    const cases: [string[], number, RegExp][] = [
      [
        ['annotations', 'add', '--paragraph', 'nope', '--start', '0', '--end', '3'],
        1,
        /no paragraph/,
      ],
      [
        ['annotations', 'add', '--paragraph', paragraphId, '--start', '5', '--end', '2'],
        1,
        /starts after/,
      ],
      [
        ['annotations', 'add', '--paragraph', paragraphId, '--start', '0', '--end', '99999'],
        1,
        /outside/,
      ],
      [
        ['annotations', 'add', '--paragraph', paragraphId, '--start', 'x', '--end', '2'],
        2,
        /non-negative integer/,
      ],
      [['annotations', 'add', '--paragraph', 'a b', '--start', '0', '--end', '2'], 2, /ids are/],
      [['annotations', 'list', '--color', 'red'], 2, /color/],
      [['annotations', 'remove'], 2, /expected "list" or "add"/],
      [['search', '米国', '--limit', '5000'], 2, /limit/],
      [['search', '米国', '--limit', 'ten'], 2, /non-negative integer/],
      [['search'], 2, /expected a query/],
      [['bookmarks', 'list', '--by', 'size'], 2, /--by/],
      [['toc', '--depth', '2'], 2, /Unknown option '--depth'/],
      [['tocs'], 2, /unknown command "tocs"/],
      [['read'], 2, /expected section ids/],
      [['read', 'us', 'us'], 2, /section "us" named twice/],
      [['read', 'us', 'extra', 'more'], 1, /no sections with ids "extra", "more"/],
      [['backup', 'restore', '../../etc/passwd'], 1, /not a backup name/],
      [['export', '--format', 'pdf'], 2, /--format/],
      [['import', path.join(root, 'missing.jsonld')], 1, /cannot read/],
    ];
    for (const [args, code, message] of cases) {
      const result = await run(args, ud);
      expect({ args, code: result.code }).toEqual({ args, code });
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/^hakusho: [^\n]+$/);
    }
    // With --json the error is the contract's envelope, on one line.
    const json = await run(
      ['annotations', 'add', '--paragraph', 'nope', '--start', '0', '--end', '3', '--json'],
      ud,
    );
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no paragraph nope' },
    });
  });

  it('a failure nobody expected is one line and exit 1, never a stack trace', async () => {
    const ud = path.join(root, 'g');
    expect((await run(['backup', 'now'], ud)).code).toBe(0);
    vi.spyOn(SqliteLibrary.prototype, 'listBackups').mockImplementationOnce(() => {
      throw new TypeError('simulated bug\n    at somewhere (file.ts:1:1)');
    });
    const result = await run(['backup', 'list'], ud);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('hakusho: listBackups: simulated bug at somewhere (file.ts:1:1)');
  });

  it('reading commands never create the profile; writing ones do', async () => {
    const ud = path.join(root, 'h');
    for (const args of [
      ['toc'],
      ['search', '米国'],
      ['bookmarks', 'list'],
      ['annotations', 'list'],
      ['backup', 'list'],
      ['export', '--format', 'md'],
    ])
      expect((await run(args, ud)).code).toBe(0);
    expect(fs.existsSync(ud)).toBe(false);
    expect((await run(['backup', 'now'], ud)).code).toBe(0);
    expect(fs.existsSync(path.join(ud, 'user.sqlite'))).toBe(true);
  });

  it('export → import into a fresh profile is lossless and importing twice adds nothing', async () => {
    const ud = path.join(root, 'c');
    await run(addHighlightArgs({ paragraph: paragraphId, start: 0, end: 10, note: 'one' }), ud);
    const out = path.join(root, 'notes.jsonld');
    expect((await run(['export', '--format', 'w3c', '--out', out], ud)).code).toBe(0);
    const fresh = path.join(root, 'd');
    const first = JSON.parse((await run(['import', out, '--json'], fresh)).stdout);
    expect(first.annotations.added).toBe(1);
    const second = JSON.parse((await run(['import', out, '--json'], fresh)).stdout);
    expect(second).toMatchObject({
      added: 0,
      unchanged: 1,
      annotations: { added: 0, unchanged: 1 },
    });
    const items = (body: string) => JSON.parse(body).first.items;
    const again = (await run(['export', '--format', 'w3c'], fresh)).stdout;
    expect(items(again)).toEqual(items(fs.readFileSync(out, 'utf8')));
    const md = (await run(['export', '--format', 'md'], fresh)).stdout;
    expect(md).toContain('> ');
    expect(md).toContain('を加工して作成');
    // An invalid file changes nothing.
    fs.writeFileSync(path.join(root, 'bad.jsonld'), '{"type":"AnnotationCollection"}');
    const bad = await run(['import', path.join(root, 'bad.jsonld')], fresh);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^hakusho: .*not a Hakusho Reader/);
    expect(items((await run(['export', '--format', 'w3c'], fresh)).stdout)).toEqual(
      items(fs.readFileSync(out, 'utf8')),
    );
    // An export whose file cannot be put in place keeps the previous file, and no temp file.
    const before = fs.readFileSync(out);
    vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
    });
    const failed = await run(['export', '--format', 'md', '--out', out], fresh);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^hakusho: export: cannot write .*EIO/);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    expect(fs.readdirSync(root).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('backup list, now and restore', async () => {
    const ud = path.join(root, 'e');
    await run(addHighlightArgs({ paragraph: paragraphId, start: 0, end: 4, note: 'kept' }), ud);
    const taken = JSON.parse((await run(['backup', 'now', '--json'], ud)).stdout);
    await run(addHighlightArgs({ paragraph: paragraphId, start: 4, end: 8, note: 'later' }), ud);
    const list = JSON.parse((await run(['backup', 'list', '--json'], ud)).stdout);
    expect(list.map((b: { name: string }) => b.name)).toContain(taken.name);
    const restored = await run(['backup', 'restore', taken.name], ud);
    expect(restored.stdout).toMatch(/^Restored /);
    const notes = JSON.parse((await run(['annotations', 'list', '--json'], ud)).stdout).map(
      (a: { note: string }) => a.note,
    );
    expect(notes).toEqual(['kept']);
  });

  it('bookmarks list', async () => {
    const ud = path.join(root, 'f');
    expect((await run(['bookmarks', 'list'], ud)).stdout).toBe('No bookmarks.');
    expect((await run(['bookmarks', 'list', '--json', '--by', 'date'], ud)).stdout).toBe('[]');
  });

  it('bookmarks add: a section or a position, listed with where it is and the text there', async () => {
    const ud = path.join(root, 'g');
    const sectionId = paragraphId.slice(0, paragraphId.lastIndexOf('.p'));
    const offset = paragraphText.indexOf('経済産業大臣');
    const position = await run(
      [
        'bookmarks',
        'add',
        '--section',
        sectionId,
        '--paragraph',
        paragraphId,
        '--offset',
        String(offset),
        '--label',
        '大臣',
        '--json',
      ],
      ud,
    );
    expect(position.code).toBe(0);
    expect(JSON.parse(position.stdout)).toMatchObject({
      id: expect.stringMatching(/^bm-/),
      sectionId,
      paragraphId,
      offset,
      label: '大臣',
      excerpt: paragraphText.slice(offset, offset + 40),
    });
    const whole = await run(['bookmarks', 'add', '--section', sectionId], ud);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain('(the whole section)');
    const text = (await run(['bookmarks', 'list'], ud)).stdout;
    expect(text.indexOf('(the whole section)')).toBeLessThan(text.indexOf(`at ${paragraphId}`));
    expect(text).toContain(
      `at ${paragraphId} +${offset}: 「${paragraphText.slice(offset, offset + 40)}…」`,
    );
    expect(text).toContain('— 大臣');
    const again = await run(['bookmarks', 'add', '--section', sectionId], ud);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toMatch(/already bookmarked/);
    const noParagraph = await run(
      ['bookmarks', 'add', '--section', sectionId, '--offset', '3'],
      ud,
    );
    expect(noParagraph.code).toBe(2);
    expect(noParagraph.stderr).toMatch(/--offset needs --paragraph/);
    const elsewhere = await run(
      ['bookmarks', 'add', '--section', 'canada', '--paragraph', paragraphId],
      ud,
    );
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/not in section canada/);
    expect((await run(['bookmarks', 'add'], ud)).code).toBe(2);
  });
});

describe('search CLI', () => {
  it('--order document lists rows in reading order and prints the totals of the whole document', async () => {
    const ud = path.join(root, 'h');
    const json = JSON.parse(
      (await run(['search', '半導体', '--order', 'document', '--json'], ud)).stdout,
    );
    expect(json).toMatchObject({ query: '半導体', order: 'document', terms: ['半導体'] });
    expect(json.totalHits).toBe(7);
    expect(json.totalSections).toBe(4);
    expect(json.hits).toHaveLength(7);
    const toc = JSON.parse((await run(['toc', '--json'], ud)).stdout) as { id: string }[];
    const rank = (id: string) => toc.findIndex((e) => e.id === id);
    const ranks = (json.results as { sectionId: string }[]).map((r) => rank(r.sectionId));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const relevance = JSON.parse((await run(['search', '半導体', '--json'], ud)).stdout);
    expect(relevance.order).toBe('relevance');
    expect(relevance.hits).toEqual(json.hits);

    const limited = (await run(['search', '半導体', '--limit', '2'], ud)).stdout;
    expect(limited).toContain('“半導体”: 7 matches in 4 sections');
    expect(limited).toContain('order: relevance; 2 of 4 sections shown (--limit)');
    const bad = await run(['search', '半導体', '--order', 'date'], ud);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--order is "relevance" or "document"/);
  });

  it('says what to try when nothing is found, fitted to the query', async () => {
    const ud = path.join(root, 'i');
    const one = (await run(['search', '量子暗号'], ud)).stdout;
    expect(one).toBe('No results for “量子暗号”.\nCheck the spelling, or try another word for it.');
    const two = (await run(['search', '半導体', '量子暗号'], ud)).stdout;
    expect(two).toContain('No section holds all 2 words: try fewer words.');
  });
});

// Start-up never depends on every stored record being placeable. Records no write
// path would accept — a quote that is only the break between two paragraphs (the
// one that once locked readers out), a quote not in the text, a vanished section, a
// target that is not one, offsets far past the end — are put straight into a real
// user.sqlite; then every command a reader has (`serve`, `annotations list`,
// `bookmarks list`, `export`, `backup`, `search`) must still work, listing each such
// record as an orphan with its quote. And an import is all or nothing, including what
// it triggers: an item that cannot be placed is refused or orphaned — never stored
// half — and a failure in the middle of the write leaves nothing of the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Bookmark, Notice } from '../common/api/types';
import { openContentStore } from '../core/content/store';
import { openLibrary } from '../core/library/library';
import { openReaderCore } from '../core/reader-core';
import { ensureContentDb } from '../core/content/ensure';
import { cliChild, type CliChild } from '../core/testing/cli-child';
import { coreOpeners } from '../core/wiring';
import { startTestEdition } from './testing/edition';
import { addHighlightArgs } from '../core/testing/cli-args';

let root: string;
let contentDb: string;
let userData: string;
/** A section with two paragraphs, and their texts. */
let section: { id: string; p1: { id: string; text: string }; p2: { id: string; text: string } };

let child: CliChild;

/** The CLI, as a user runs it (a child process), on this test's content database. */
const run = (args: string[], dir = userData) =>
  child.run([...args, '--user-data', dir, '--content', contentDb]);

const target = (t: object) => JSON.stringify(t);

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-unplaceable-'));
  contentDb = path.join(root, 'content.sqlite');
  userData = path.join(root, 'profile');
  ensureContentDb({ dbPath: contentDb, log: () => undefined });
  child = await cliChild();
  const store = openContentStore(contentDb);
  const doc = store.searchDocs().find((d) => d.paragraphs.length >= 2)!;
  section = { id: doc.id, p1: doc.paragraphs[0]!, p2: doc.paragraphs[1]! };
  store.close();
  const lib = openLibrary(userData, { autoBackup: false });
  lib.bookmarks.add(section.id, 'ふつうのしおり');
  lib.close();
  const db = new Database(path.join(userData, 'user.sqlite'));
  const now = '2026-01-01T00:00:00.000Z';
  const insert = db.prepare(
    `INSERT INTO annotations (id, kind, section_id, color, note, target, anchor, created_at, updated_at)
     VALUES (?, ?, ?, 'yellow', ?, ?, 'anchored', ?, ?)`,
  );
  const sep = section.p1.text.length;
  const rows: [string, string, string, string, string | null][] = [
    [
      'bad-separator',
      'highlight',
      section.id,
      '段落の切れ目だけ',
      target({
        paragraphIds: [section.p1.id, section.p2.id],
        quote: {
          exact: '\n',
          prefix: section.p1.text.slice(-32),
          suffix: section.p2.text.slice(0, 32),
        },
        position: { start: sep, end: sep + 1 },
        startParagraphId: section.p1.id,
        startOffset: sep,
        endParagraphId: section.p2.id,
        endOffset: 0,
      }),
    ],
    [
      'bad-not-found',
      'highlight',
      section.id,
      'どこにもない引用',
      target({
        paragraphIds: [section.p1.id],
        quote: { exact: 'この文はどの版の本文にもない引用です', prefix: '', suffix: '' },
        position: { start: 0, end: 18 },
        startParagraphId: section.p1.id,
        startOffset: 0,
        endParagraphId: section.p1.id,
        endOffset: 18,
      }),
    ],
    [
      'bad-vanished',
      'highlight',
      'no-such-section',
      '消えた節',
      target({
        paragraphIds: ['no-such-section.p1'],
        quote: { exact: '消えた節の引用です', prefix: '', suffix: '' },
        position: { start: 0, end: 9 },
        startParagraphId: 'no-such-section.p1',
        startOffset: 0,
        endParagraphId: 'no-such-section.p1',
        endOffset: 9,
      }),
    ],
    ['bad-empty-target', 'highlight', section.id, '中身のない対象', '{}'],
    ['bad-types', 'highlight', section.id, '型の違う対象', '{"quote":{"exact":42},"position":"x"}'],
    [
      'bad-offsets',
      'highlight',
      section.id,
      '範囲外の位置',
      target({
        paragraphIds: [section.p1.id],
        quote: { exact: '範囲外', prefix: '', suffix: '' },
        position: { start: 9_000_000, end: 9_000_003 },
        startParagraphId: section.p1.id,
        startOffset: 9_000_000,
        endParagraphId: section.p1.id,
        endOffset: 9_000_003,
      }),
    ],
    ['bad-note-vanished', 'section-note', 'gone-section', '消えた節へのメモ', null],
  ];
  for (const [id, kind, sectionId, note, t] of rows)
    insert.run(id, kind, sectionId, note, t, now, now);
  db.prepare(
    "INSERT INTO bookmarks (id, section_id, label, created_at, updated_at) VALUES ('bm-gone', 'gone-section', '消えた節', ?, ?)",
  ).run(now, now);
  db.close();
}, 120_000);

afterAll(() => {
  child.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('records that cannot be placed, stored directly in user.sqlite', () => {
  it('annotations list shows every one, as an orphan with its quote', async () => {
    const list = await run(['annotations', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    const annotations = JSON.parse(list.stdout) as Annotation[];
    const byId = new Map(annotations.map((a) => [a.id, a]));
    expect([...byId.keys()].sort()).toEqual(
      [
        'bad-empty-target',
        'bad-not-found',
        'bad-note-vanished',
        'bad-offsets',
        'bad-separator',
        'bad-types',
        'bad-vanished',
      ].sort(),
    );
    for (const a of annotations) expect(a.anchor, a.id).toBe('orphan');
    expect(byId.get('bad-separator')?.target?.quote.exact).toBe('\n');
    expect(byId.get('bad-not-found')?.target?.quote.exact).toBe(
      'この文はどの版の本文にもない引用です',
    );
    expect(byId.get('bad-empty-target')?.target?.quote.exact).toBe('');
    expect(list.stderr).toMatch(/notice: .*could not be found/);
    const text = await run(['annotations', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('(passage not found)');
  });

  it('bookmarks list, export (both formats), search and backups keep working', async () => {
    const bookmarks = await run(['bookmarks', 'list', '--json']);
    expect(bookmarks.code).toBe(0);
    expect((JSON.parse(bookmarks.stdout) as Bookmark[]).map((b) => b.label).sort()).toEqual(
      ['ふつうのしおり', '消えた節'].sort(),
    );
    const w3c = await run(['export', '--format', 'w3c']);
    expect(w3c.code, w3c.stderr).toBe(0);
    expect(JSON.parse(w3c.stdout).total).toBe(9);
    const md = await run(['export', '--format', 'md']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('どこにもない引用');
    expect((await run(['search', '米国'])).code).toBe(0);
    const now = await run(['backup', 'now']);
    expect(now.code, now.stderr).toBe(0);
    const list = await run(['backup', 'list']);
    expect(list.stdout).toMatch(/manual \(kept until deleted\)/);
  });

  it('the browser edition starts and lists them; the next start places nothing again', async () => {
    const edition = await startTestEdition(root, contentDb, userData);
    try {
      const call = async <T>(method: string): Promise<T> => {
        const reply = await fetch(`${edition.server.origin}/api/${method}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${edition.server.token}`,
          },
          body: '{}',
        });
        expect(reply.status, method).toBe(200);
        return ((await reply.json()) as { result: T }).result;
      };
      expect((await call<Annotation[]>('listAnnotations')).length).toBe(7);
      expect((await call<Bookmark[]>('listBookmarks')).length).toBe(2);
      expect(await call<Notice[]>('getNotices')).toEqual([]);
    } finally {
      await edition.close();
    }
    const core = openReaderCore(coreOpeners, {
      contentDbPath: contentDb,
      userDataDir: userData,
      host: 'cli',
      version: '0',
      library: { autoBackup: false },
    });
    try {
      // Every record was placed (or orphaned) in this content already: none is looked at.
      expect(core.reanchored).toMatchObject({ checked: 0, pending: 0 });
    } finally {
      core.close();
    }
  });
});

describe('an import is all or nothing, including what it triggers', () => {
  /** An export of one good highlight and one whose quote is only a paragraph break. */
  async function hostileExport(dir: string): Promise<string> {
    const at = section.p2.text.length > 8 ? 0 : 0;
    expect(
      (
        await run(
          addHighlightArgs({ paragraph: section.p2.id, start: at, end: at + 6, note: '良いメモ' }),
          dir,
        )
      ).code,
    ).toBe(0);
    const body = JSON.parse((await run(['export', '--format', 'w3c'], dir)).stdout);
    const good = body.first.items[0];
    const sep = section.p1.text.length;
    const bad = structuredClone(good);
    bad.id = 'urn:hakusho:annotation:an-separator-only';
    bad.target.selector[0] = { type: 'TextQuoteSelector', exact: '\n', prefix: '', suffix: '' };
    bad.target.selector[1] = { type: 'TextPositionSelector', start: sep, end: sep + 1 };
    bad['hakusho:range'] = {
      paragraphIds: [section.p1.id, section.p2.id],
      startParagraphId: section.p1.id,
      startOffset: sep,
      endParagraphId: section.p2.id,
      endOffset: 0,
    };
    body.first.items = [bad, good];
    body.total = 2;
    const file = path.join(root, `${path.basename(dir)}.jsonld`);
    fs.writeFileSync(file, JSON.stringify(body));
    return file;
  }

  it('refuses an item whose quote is only a paragraph break, stores the rest, and every later start works', async () => {
    const file = await hostileExport(path.join(root, 'source-a'));
    const target = path.join(root, 'import-a');
    const imported = await run(['import', file, '--json'], target);
    expect(imported.code, imported.stderr).toBe(0);
    const summary = JSON.parse(imported.stdout);
    expect(summary).toMatchObject({ added: 1, refused: 1, conflicts: 0 });
    expect(summary.details[0]).toMatchObject({
      item: 1,
      outcome: 'refused',
      reason: expect.stringMatching(/paragraph break/),
    });
    for (const args of [
      ['annotations', 'list'],
      ['bookmarks', 'list'],
      ['export', '--format', 'w3c'],
      ['backup', 'list'],
    ]) {
      const again = await run(args, target);
      expect(again.code, `${args.join(' ')}: ${again.stderr}`).toBe(0);
    }
  });

  it('a failure in the middle of the write leaves nothing of the file, and no error afterwards', async () => {
    const file = await hostileExport(path.join(root, 'source-b'));
    const target = path.join(root, 'import-b');
    expect((await run(['bookmarks', 'list'], target)).code).toBe(0);
    expect(
      (
        await run(
          ['annotations', 'add', '--paragraph', section.p1.id, '--start', '0', '--end', '3'],
          target,
        )
      ).code,
    ).toBe(0);
    // The disk "fails" on the last row the import writes.
    const db = new Database(path.join(target, 'user.sqlite'));
    db.exec(
      "CREATE TRIGGER fail_import BEFORE INSERT ON annotation_tags BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END;",
    );
    db.exec(
      "CREATE TRIGGER fail_import2 AFTER INSERT ON annotations WHEN NEW.note = '良いメモ' BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END;",
    );
    const before = db.prepare('SELECT count(*) AS n FROM annotations').get();
    db.close();
    const failed = await run(['import', file], target);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n').at(-1)).toMatch(
      /^hakusho: .*disk I\/O error \(simulated\)/,
    );
    const check = new Database(path.join(target, 'user.sqlite'));
    expect(check.prepare('SELECT count(*) AS n FROM annotations').get()).toEqual(before);
    check.exec('DROP TRIGGER fail_import; DROP TRIGGER fail_import2;');
    check.close();
    const list = await run(['annotations', 'list', '--json'], target);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as Annotation[]).map((a) => a.note)).toEqual(['']);
  });
});

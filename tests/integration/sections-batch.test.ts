// Several sections in one call over a real content database: the synthetic long
// document (the chapter three times, ids suffixed per copy) built in a temp dir and
// opened read-only by the same wiring every host uses. The batch answers what getSection
// answers, in the order asked; its bound, an unknown id and a damaged page of text are
// refused with a typed error, never a shorter answer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, invoke } from '../../electron/common/api/contract';
import { MAX_SECTIONS_PER_CALL } from '../../electron/common/rules/sections';
import { defaultContentInputs } from '../../electron/core/content/inputs';
import { buildSyntheticContentDb } from '../../electron/core/ingest/synthetic';
import { openReaderCore, type ReaderCore } from '../../electron/core/reader-core';
import { coreOpeners } from '../../electron/core/wiring';

const COPIES = 3;
let dir: string;
let dbPath: string;
const cores: ReaderCore[] = [];

/** A reader core over `file` as the hosts open one (reads only: no user.sqlite created). */
function open(file: string): ReaderCore {
  const core = openReaderCore(coreOpeners, {
    contentDbPath: file,
    userDataDir: path.join(dir, `user-${cores.length}`),
    host: 'cli',
    version: '0.0.0-test',
    library: { existingOnly: true, autoBackup: false, importInWorker: false },
  });
  cores.push(core);
  return core;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-sections-batch-'));
  dbPath = path.join(dir, 'content-3x.sqlite');
  // No artifacts (the search index is slow to build and not what this file checks).
  buildSyntheticContentDb({
    inputs: defaultContentInputs(),
    dbPath,
    copies: COPIES,
    builders: [],
  });
}, 120_000);
afterAll(() => {
  for (const core of cores) core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('getSections on a real content database', () => {
  it('answers every section of the document, in the order asked, as getSection does', async () => {
    const { handlers } = open(dbPath);
    const toc = await invoke(handlers, 'getToc', {});
    expect(toc.length).toBeGreaterThan(MAX_SECTIONS_PER_CALL);
    // The outline backwards, in calls of the bound.
    const ids = toc.map((e) => e.id).reverse();
    const views = [];
    for (let at = 0; at < ids.length; at += MAX_SECTIONS_PER_CALL)
      views.push(
        ...(await invoke(handlers, 'getSections', {
          ids: ids.slice(at, at + MAX_SECTIONS_PER_CALL),
        })),
      );
    expect(views.map((v) => v.id)).toEqual(ids);
    for (const view of views)
      expect(view).toEqual(await invoke(handlers, 'getSection', { id: view.id }));
    expect(views.reduce((n, v) => n + v.paragraphs.length, 0)).toBeGreaterThan(0);
    // The document named by its own id: the same answer.
    const { id: documentId } = await invoke(handlers, 'getDocument', {});
    const some = ids.slice(3, 9);
    expect(await invoke(handlers, 'getSections', { ids: some, documentId })).toEqual(
      views.slice(3, 9),
    );
  });

  it('refuses more ids than the bound, none, an id twice, and names unknown ids', async () => {
    const { handlers } = open(dbPath);
    const ids = (await invoke(handlers, 'getToc', {})).map((e) => e.id);
    const [a, b, c] = ids as [string, string, string];
    await expect(
      invoke(handlers, 'getSections', { ids: ids.slice(0, MAX_SECTIONS_PER_CALL + 1) }),
    ).rejects.toEqual(
      new ApiError(
        'invalid_input',
        `getSections: at most ${MAX_SECTIONS_PER_CALL} section ids per call at ids`,
      ),
    );
    await expect(invoke(handlers, 'getSections', { ids: [] })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(invoke(handlers, 'getSections', { ids: [a, b, a] })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining(a),
    });
    // A copy past the document's end, among real sections: named, nothing answered.
    await expect(
      invoke(handlers, 'getSections', { ids: [a, `us-1--r${COPIES + 1}`, c] }),
    ).rejects.toEqual(new ApiError('not_found', `no section with id "us-1--r${COPIES + 1}"`));
  });

  it('a damaged page of text fails the batch with the file and the fix, not a shorter answer', async () => {
    const damaged = path.join(dir, 'damaged.sqlite');
    fs.copyFileSync(dbPath, damaged);
    const db = new Database(damaged, { readonly: true });
    const { section_id: sectionId, text } = db
      .prepare('SELECT section_id, text FROM paragraphs ORDER BY length(text) DESC LIMIT 1')
      .get() as { section_id: string; text: string };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const { handlers } = open(damaged);
    const ids = (await invoke(handlers, 'getToc', {})).map((e) => e.id);
    // Damaged after it was opened (opening checks the whole file): the page overwritten,
    // and the header's change counter moved so that SQLite drops the pages it cached.
    const bytes = fs.readFileSync(damaged);
    const at = bytes.indexOf(Buffer.from(text.slice(0, 40), 'utf8'));
    expect(at).toBeGreaterThan(0);
    const page = Math.floor(at / pageSize) * pageSize;
    bytes.fill(0x37, page, page + pageSize);
    bytes.writeUInt32BE(bytes.readUInt32BE(24) + 1, 24);
    fs.writeFileSync(damaged, bytes);
    const batch = [ids[0]!, sectionId, ids[ids.length - 1]!].filter(
      (id, i, a) => a.indexOf(id) === i,
    );
    const failure = await invoke(handlers, 'getSections', { ids: batch }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'unavailable' });
    expect((failure as ApiError).message).toContain(damaged);
    expect((failure as ApiError).message).toMatch(/npm run build:content/);
  });
});

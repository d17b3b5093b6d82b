// Big imports neither freeze nor slow the reader. A real browser-edition host
// (worker-thread imports, the real content database) is sent an export of thousands
// of highlights none of which can be placed; meanwhile other requests must be
// answered — each one completes before the import does. The import reports its
// progress and can be cancelled (then nothing is stored). Anchoring results are
// stored with the content's digest, so the next start places nothing again: its work
// is bounded by the annotations new to the text, not by the number of orphans.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentInfo, ImportProgress, ImportSummary } from '../common/api/types';
import { MAX_IMPORT_ITEMS } from '../common/rules/notes';
import { ensureContentDb } from '../core/content/ensure';
import { openContentStore } from '../core/content/store';
import { openReaderCore } from '../core/reader-core';
import { memoryContentStore, sliceSections } from '../core/testing/content-store';
import { coreOpeners } from '../core/wiring';
import { startBrowserEdition, type BrowserEdition } from './edition';
import { unplaceableExport } from '../../tests/fixtures/notes-export';

const COUNT = 3000;
let root: string;
let contentDb: string;
let userData: string;
let edition: BrowserEdition;
let document: DocumentInfo;
let sectionId: string;
let paragraphId: string;

/** A contract call; a file argument goes as the body itself (what the app sends). */
async function call<T>(
  method: string,
  args: object | Uint8Array = {},
): Promise<{ status: number; result: T; error?: { code: string; message: string } }> {
  const file = args instanceof Uint8Array;
  const reply = await fetch(`${edition.server.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': file ? 'application/octet-stream' : 'application/json',
      Authorization: `Bearer ${edition.server.token}`,
    },
    body: file ? args : JSON.stringify(args),
  });
  const body = (await reply.json()) as { result: T; error?: { code: string; message: string } };
  return { status: reply.status, ...body };
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-big-import-'));
  contentDb = path.join(root, 'content.sqlite');
  userData = path.join(root, 'profile');
  ensureContentDb({ dbPath: contentDb, log: () => undefined });
  const store = openContentStore(contentDb);
  document = store.document();
  const doc = store.searchDocs().find((d) => d.paragraphs.length > 0)!;
  sectionId = doc.id;
  paragraphId = doc.paragraphs[0]!.id;
  store.close();
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  edition = await startBrowserEdition({
    openers: coreOpeners,
    contentDbPath: contentDb,
    userDataDir: userData,
    rendererDir,
    version: '0',
  });
}, 120_000);

afterAll(async () => {
  await edition.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const bigFile = (prefix: string, count = COUNT) =>
  unplaceableExport({ document, sectionId, paragraphId, count, idPrefix: prefix });

describe('a big import on a running host', () => {
  it('other requests are answered meanwhile: each completes before the import does', async () => {
    // The file as the app sends it: its bytes, read, decoded and parsed by the worker.
    const file = new TextEncoder().encode(bigFile('a'));
    expect(file.length).toBeGreaterThan(5_000_000);
    let importDone = 0;
    const importing = call<ImportSummary>('importAnnotations', file).then((r) => {
      importDone = performance.now();
      return r;
    });
    const done: number[] = [];
    const progress: ImportProgress[] = [];
    // Ask while it runs: the outline, a section, the notes, and where the import is.
    for (let i = 0; i < 40 && importDone === 0; i += 1) {
      const replies = await Promise.all([
        call('getToc'),
        call<ImportProgress | null>('importProgress'),
        call('getSection', { id: sectionId }),
        call('listBookmarks'),
        // A write beside the import's: it waits for the import's commit, never fails.
        call('setPosition', { sectionId, scroll: i / 40 }),
      ]);
      const seen = replies[1];
      for (const reply of replies) expect(reply.status).toBe(200);
      if (seen.result) progress.push(seen.result);
      done.push(performance.now());
    }
    const imported = await importing;
    expect(imported.status).toBe(200);
    expect(imported.result).toMatchObject({ added: COUNT, refused: 0, orphaned: COUNT });
    expect(imported.result.backup).toMatch(/pre-import\.sqlite$/);
    // Requests were answered while the import ran, all before it completed.
    expect(done.length).toBeGreaterThanOrEqual(3);
    for (const t of done) expect(t).toBeLessThan(importDone);
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) {
      expect(['reading', 'checking', 'placing', 'backing-up', 'writing']).toContain(p.phase);
      expect(p.done).toBeLessThanOrEqual(p.total);
    }
    expect((await call('importProgress')).result).toBeNull();
    expect((await call<unknown[]>('listAnnotations')).result).toHaveLength(COUNT);
  }, 120_000);

  it('a second import meanwhile is refused; a cancelled import stores nothing', async () => {
    const first = call<ImportSummary>('importAnnotations', new TextEncoder().encode(bigFile('b')));
    // Wait until it is under way, then try another and cancel the first.
    for (let i = 0; i < 200; i += 1) {
      const p = await call<ImportProgress | null>('importProgress');
      if (p.result && (p.result.phase === 'checking' || p.result.phase === 'placing')) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const second = await call('importAnnotations', { body: bigFile('c', 10) });
    expect(second.status).toBe(409);
    expect(second.error?.message).toMatch(/already running/);
    expect((await call<{ cancelled: boolean }>('cancelImport')).result).toEqual({
      cancelled: true,
    });
    const cancelled = await first;
    expect(cancelled.status).toBe(200);
    expect(cancelled.result).toMatchObject({ cancelled: true, added: 0 });
    expect((await call<unknown[]>('listAnnotations')).result).toHaveLength(COUNT);
    expect((await call<{ cancelled: boolean }>('cancelImport')).result).toEqual({
      cancelled: false,
    });
  }, 120_000);

  it('refuses a file over the item limit with a clear error, whole', async () => {
    const items = Array.from({ length: MAX_IMPORT_ITEMS + 1 }, () => 0);
    const body = JSON.stringify({
      '@context': ['http://www.w3.org/ns/anno.jsonld', { hakusho: 'urn:hakusho:vocab#' }],
      first: { items },
    });
    const reply = await call('importAnnotations', { body });
    expect(reply.status).toBe(400);
    expect(reply.error?.message).toMatch(/too many items/);
  });
});

describe('anchoring results are kept with the content’s digest', () => {
  it('a start after the import places nothing again; a content update places each one once', async () => {
    const open = (content?: () => ReturnType<typeof memoryContentStore>) =>
      openReaderCore(content ? { ...coreOpeners, openContentStore: content } : coreOpeners, {
        contentDbPath: contentDb,
        userDataDir: userData,
        host: 'cli',
        version: '0',
        library: { autoBackup: false },
      });
    const same = open();
    try {
      expect(same.reanchored).toMatchObject({ checked: 0, pending: 0 });
    } finally {
      same.close();
    }
    // Another text (a content update): every annotation is placed again, once.
    const updated = open(() => memoryContentStore(sliceSections()));
    try {
      await updated.idle();
      expect(updated.reanchored?.checked).toBeGreaterThan(0);
      expect(updated.reanchored?.checked).toBeLessThanOrEqual(1000);
    } finally {
      updated.close();
    }
    const again = open(() => memoryContentStore(sliceSections()));
    try {
      expect(again.reanchored).toMatchObject({ checked: 0, pending: 0 });
    } finally {
      again.close();
    }
  }, 120_000);
});

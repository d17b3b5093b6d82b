// The import off the caller's thread: a worker thread runs it, progress arrives as it
// goes, the result is the same as in-process, and an abort leaves nothing behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContentStore } from '../../electron/core/content/store';
import { ImportError } from '../../electron/core/import/errors';
import type { ImportProgress } from '../../electron/core/import/types';
import { importInWorker } from '../../electron/core/import/worker-client';

const PDF = path.join(__dirname, '..', 'fixtures', 'import', 'two-column.pdf');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-import-worker-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('importInWorker', () => {
  it('imports in a worker thread with progress through the pages', async () => {
    const progress: ImportProgress[] = [];
    const target = path.join(dir, 'doc.sqlite');
    const result = await importInWorker({
      bytes: new Uint8Array(fs.readFileSync(PDF)),
      name: 'two-column.pdf',
      target,
      onProgress: (p) => progress.push(p),
    });
    expect(result.format).toBe('pdf');
    expect(progress.filter((p) => p.phase === 'pages').map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.at(-1)?.phase).toBe('done');
    const store = openContentStore(target);
    expect(store.toc().length).toBe(result.sections);
    store.close();
  });

  it('stops when aborted and leaves nothing at the target, not even a temp file', async () => {
    const controller = new AbortController();
    const target = path.join(dir, 'aborted.sqlite');
    const promise = importInWorker({
      bytes: new Uint8Array(fs.readFileSync(PDF)),
      name: 'two-column.pdf',
      target,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'pages') controller.abort();
      },
    });
    await expect(promise).rejects.toBeInstanceOf(ImportError);
    await expect(promise).rejects.toMatchObject({
      code: 'aborted',
      message: 'two-column.pdf: import cancelled',
    });
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('aborted'))).toEqual([]);
  });

  it('passes an import error through as one line', async () => {
    await expect(
      importInWorker({
        bytes: new TextEncoder().encode('%PDF-1.7 cut'),
        name: 'cut.pdf',
        target: path.join(dir, 'cut.sqlite'),
      }),
    ).rejects.toMatchObject({
      code: 'damaged',
      message: 'cut.pdf: truncated PDF (no end-of-file marker): download it again',
    });
  });
});

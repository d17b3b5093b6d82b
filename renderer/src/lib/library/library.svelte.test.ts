import { describe, expect, it } from 'vitest';
import type { DocumentImportStatus, LibraryDocument } from '../../../../electron/common/api/types';
import { MAX_DOCUMENT_FILE_BYTES } from '../../../../electron/common/rules/library';
import { startedImport } from '../../../../electron/common/api/import-status';
import { fakeApi } from '../testing/fake-api';
import { LibraryState, type ChosenFile } from './library.svelte';

const doc = (over: Partial<LibraryDocument> = {}): LibraryDocument => ({
  id: 'doc-1',
  bundled: false,
  title: '通商白書2024',
  publisher: '経済産業省',
  year: '2024',
  format: 'pdf',
  sourceName: 'a.pdf',
  sourceSha256: 'x',
  sourceBytes: 10,
  pages: 12,
  sections: 4,
  paragraphs: 30,
  writingMode: 'horizontal',
  edition: 1,
  importedAt: null,
  updatedAt: null,
  removed: false,
  removedAt: null,
  notes: 0,
  ...over,
});

const status = (over: Partial<DocumentImportStatus>): DocumentImportStatus => ({
  ...startedImport({ jobId: 'job-1', name: 'a.pdf', phase: 'pages', startedAt: '' }),
  done: 1,
  total: 3,
  ...over,
});

function file(size: number, read = () => new ArrayBuffer(size)): ChosenFile & { reads: number } {
  const f = {
    name: 'a.pdf',
    size,
    reads: 0,
    arrayBuffer: async () => {
      f.reads += 1;
      return read();
    },
  };
  return f;
}

describe('LibraryState', () => {
  it('refuses a file over the limit before reading a byte of it', async () => {
    const fake = fakeApi({});
    const library = new LibraryState(fake.client);
    const big = file(MAX_DOCUMENT_FILE_BYTES + 1);
    await library.importFile(big);
    expect(big.reads).toBe(0);
    expect(fake.calls).toEqual([]);
    expect(library.importView).toMatchObject({ kind: 'too-large', limit: MAX_DOCUMENT_FILE_BYTES });
    expect(library.importOpen).toBe(true);
  });

  it('sends the bytes, follows the job to its end and lists the new document', async () => {
    const seen: string[] = [];
    const steps = [
      status({ phase: 'pages', done: 2 }),
      status({ state: 'done', phase: 'done', document: doc(), warnings: ['p. 3: no text'] }),
    ];
    const fake = fakeApi({
      importDocument: ({ name, file: bytes }) => {
        seen.push(`${name}:${bytes.byteLength}`);
        return status({ phase: 'queued' });
      },
      importDocumentStatus: () => steps.shift()!,
      listDocuments: () => [doc({ id: 'bundled', bundled: true }), doc()],
    });
    const library = new LibraryState(fake.client);
    await library.importFile(file(5));
    expect(seen).toEqual(['a.pdf:5']);
    expect(library.importView).toMatchObject({ kind: 'done' });
    expect(library.documents.map((d) => d.id)).toEqual(['bundled', 'doc-1']);
    expect(fake.argsOf('importDocumentStatus')[0]).toMatchObject({ jobId: 'job-1' });
  });

  it('says why an import failed, and that a cancelled one kept nothing', async () => {
    const fake = fakeApi({
      importDocument: () => status({}),
      importDocumentStatus: () =>
        status({ state: 'failed', error: { code: 'damaged', message: 'a.pdf: truncated PDF' } }),
    });
    const library = new LibraryState(fake.client);
    await library.importFile(file(5));
    expect(library.importView).toMatchObject({ kind: 'failed', message: 'a.pdf: truncated PDF' });
    expect(fake.argsOf('importDocumentStatus')).toHaveLength(1);

    const cancelled = fakeApi({
      importDocument: () => status({}),
      importDocumentStatus: () => status({ state: 'cancelled' }),
    });
    const other = new LibraryState(cancelled.client);
    await other.importFile(file(5));
    expect(other.importView).toEqual({ kind: 'cancelled' });
  });

  it("asks the reader when the title is a document's, and sends the answer", async () => {
    const choice = { documentId: 'doc-1', title: '通商白書', edition: 1, notes: 3, removed: false };
    let answered = false;
    const fake = fakeApi({
      importDocument: () => status({ phase: 'parse' }),
      // A long poll: it answers at a change, or after a while.
      importDocumentStatus: () =>
        new Promise((resolve) =>
          setTimeout(
            () =>
              resolve(
                answered
                  ? status({ state: 'done', phase: 'done', document: doc(), replaced: true })
                  : status({ phase: 'choose', choice }),
              ),
            5,
          ),
        ),
      chooseDocumentImport: () => {
        answered = true;
        return status({ phase: 'write' });
      },
      listDocuments: () => [doc()],
    });
    const library = new LibraryState(fake.client);
    const running = library.importFile(file(5));
    await expect
      .poll(() => library.importView.kind === 'running' && library.importView.status.choice)
      .toEqual(choice);
    await library.choose('edition');
    await running;
    expect(fake.argsOf('importDocument')[0]).toMatchObject({ askOnSameTitle: true });
    expect(fake.argsOf('chooseDocumentImport')).toEqual([{ jobId: 'job-1', as: 'edition' }]);
    expect(library.importView).toMatchObject({ kind: 'done', status: { replaced: true } });
  });

  it('imports a file as the newer edition of the document the reader named', async () => {
    const fake = fakeApi({
      importDocument: () => status({ state: 'done', document: doc(), replaced: true }),
      listDocuments: () => [doc()],
    });
    const library = new LibraryState(fake.client);
    await library.importFile(file(5), 'doc-1');
    const args = fake.argsOf('importDocument')[0];
    expect(args).toMatchObject({ editionOf: 'doc-1' });
    expect(args).not.toHaveProperty('askOnSameTitle');
  });
});

// The library as the renderer sees it: the documents (the bundled chapter first), the
// outline of any document the reader expands in the outline, the one import the reader
// started (its progress followed by long polls, its cancel, its result or error), and
// the details and removal of a document. A file over the import limit is refused
// before a byte of it is read. A file whose title is a document's of the library waits
// for the reader's answer (a newer edition of it, or a document of its own), asked in
// the import dialog; a file the reader imports as a document's newer edition says so.
import { SvelteMap } from 'svelte/reactivity';
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import { FILE_ARG_LIMITS } from '../../../../electron/common/api/file-args';
import { startedImport } from '../../../../electron/common/api/import-status';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type {
  DocumentImportStatus,
  LibraryDocument,
  TocEntry,
} from '../../../../electron/common/api/types';
import { currentDocumentId, setCurrentDocument } from './current-document';

/** What the file pickers of an import offer (the formats the importer reads). */
export const IMPORT_ACCEPT =
  '.pdf,.html,.htm,.xhtml,.epub,.txt,.md,.markdown,application/pdf,text/html,application/epub+zip,text/plain,text/markdown';

/** How long one status call waits for news of the import (ms). */
const STATUS_WAIT_MS = 2000;

/** The import the reader started: a file being read, a job, or its end. */
export type ImportView =
  | { kind: 'idle' }
  | { kind: 'running'; status: DocumentImportStatus }
  | { kind: 'done'; status: DocumentImportStatus }
  | { kind: 'failed'; message: string; status: DocumentImportStatus | null }
  /** Refused before reading: the file is over the limit (sizes in bytes). */
  | { kind: 'too-large'; name: string; size: number; limit: number }
  | { kind: 'cancelled' };

/** The details or the removal of a document, asked for from the outline. */
export interface DocumentRequest {
  kind: 'edit' | 'remove';
  doc: LibraryDocument;
}

/** A file as the picker and a drop give it (a File, or its like in tests). */
export interface ChosenFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

type LibraryApi = Pick<
  ApiClient,
  | 'listDocuments'
  | 'getToc'
  | 'importDocument'
  | 'importDocumentStatus'
  | 'cancelDocumentImport'
  | 'chooseDocumentImport'
  | 'updateDocumentMetadata'
  | 'removeDocument'
>;

export class LibraryState {
  documents = $state.raw<LibraryDocument[]>([]);
  error = $state<string | null>(null);
  /** Outlines of documents other than the one read, fetched when first expanded. */
  readonly tocs = new SvelteMap<string, TocEntry[]>();
  importView = $state.raw<ImportView>({ kind: 'idle' });
  /** The import dialog is open (the picker, the progress or the result). */
  importOpen = $state(false);

  /** Counts the switches to another document (the id itself is kept outside Svelte's state). */
  private switches = $state(0);
  /** The document this page reads (the bundled chapter when the route names none). */
  current = $derived.by(() => {
    void this.switches;
    const id = currentDocumentId();
    return this.documents.find((d) => (id === null ? d.bundled : d.id === id)) ?? null;
  });
  /** The id `current` follows (null: the bundled chapter), for keying what belongs to one document. */
  readingId = $derived.by(() => {
    void this.switches;
    return currentDocumentId();
  });

  /** The window reads another document from now on (null: the bundled chapter). */
  read(documentId: string | null): void {
    setCurrentDocument(documentId);
    this.switches += 1;
  }

  private readonly api: LibraryApi;

  constructor(api: LibraryApi = defaultApi) {
    this.api = api;
  }

  async load(): Promise<void> {
    try {
      this.documents = await this.api.listDocuments({});
      this.error = null;
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  /** A document's outline (for expanding it in the outline), fetched once. */
  async tocOf(documentId: string): Promise<TocEntry[]> {
    const known = this.tocs.get(documentId);
    if (known) return known;
    const toc = await this.api.getToc({ documentId });
    this.tocs.set(documentId, toc);
    return toc;
  }

  /**
   * Imports a file the reader chose or dropped: refused at once when over the limit
   * (nothing read), else its bytes go to the host and the job is followed to its end.
   * `editionOf`: a newer edition of that document (else the same title asks first).
   */
  async importFile(file: ChosenFile, editionOf?: string): Promise<void> {
    if (this.importView.kind === 'running') return;
    this.importOpen = true;
    const limit = FILE_ARG_LIMITS.importDocument;
    if (file.size > limit) {
      this.importView = { kind: 'too-large', name: file.name, size: file.size, limit };
      return;
    }
    const queued = startedImport({
      jobId: '',
      name: file.name,
      phase: 'read',
      startedAt: new Date(Date.now()).toISOString(), // eslint-disable-line svelte/prefer-svelte-reactivity
    });
    this.importView = { kind: 'running', status: queued };
    let status: DocumentImportStatus;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      status = await this.api.importDocument({
        name: file.name,
        file: bytes,
        ...(editionOf ? { editionOf } : { askOnSameTitle: true }),
      });
      this.importView = { kind: 'running', status };
      while (status.state === 'running') {
        status = await this.api.importDocumentStatus({
          jobId: status.jobId,
          waitMs: STATUS_WAIT_MS,
        });
        if (status.state === 'running') this.importView = { kind: 'running', status };
      }
    } catch (err) {
      this.importView = { kind: 'failed', message: messageOf(err), status: null };
      return;
    }
    if (status.state === 'done') {
      this.importView = { kind: 'done', status };
      await this.load();
    } else if (status.state === 'cancelled') this.importView = { kind: 'cancelled' };
    else
      this.importView = {
        kind: 'failed',
        message: status.error?.message ?? status.state,
        status,
      };
  }

  /** Asks the running import to stop (nothing of it is kept). */
  async cancelImport(): Promise<void> {
    const view = this.importView;
    if (view.kind !== 'running' || !view.status.jobId) return;
    try {
      const status = await this.api.cancelDocumentImport({ jobId: view.status.jobId });
      if (this.importView.kind === 'running') this.importView = { kind: 'running', status };
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  /** The reader's answer to the question of the running import (same title as a document). */
  async choose(as: 'edition' | 'document'): Promise<void> {
    const view = this.importView;
    if (view.kind !== 'running' || !view.status.choice) return;
    try {
      const status = await this.api.chooseDocumentImport({ jobId: view.status.jobId, as });
      if (this.importView.kind === 'running') this.importView = { kind: 'running', status };
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  /** Closes the import dialog (a running import goes on; its result waits in the dialog). */
  closeImport(): void {
    this.importOpen = false;
    if (this.importView.kind !== 'running') this.importView = { kind: 'idle' };
  }

  async updateDetails(
    id: string,
    details: { title: string; publisher: string; year: string },
  ): Promise<LibraryDocument> {
    const updated = await this.api.updateDocumentMetadata({ id, ...details });
    this.documents = this.documents.map((d) => (d.id === id ? updated : d));
    return updated;
  }

  async remove(id: string): Promise<LibraryDocument> {
    const removed = await this.api.removeDocument({ id, confirm: true });
    this.tocs.delete(id);
    await this.load();
    return removed;
  }
}

export const library = new LibraryState();

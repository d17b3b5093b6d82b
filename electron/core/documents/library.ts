// The library of imported documents: the list in user.sqlite (./registry.ts), one
// content database per document in the user-data folder's library/, and each
// document's handlers — the same createHandlers and notes handlers as the bundled
// chapter, over that document's content and its notes — opened at first need. Start-up
// does none of this: nothing is read until a call names the library or a document,
// and a document's search index is loaded at its first search and dropped when more
// than a bounded number are loaded (least recently used first).
//
// An import writes the whole database aside (the importer's atomic write, in a worker
// thread), then one transaction of user.sqlite adds the row that names it: until that
// commit the library does not know the file, and a failure or a cancel removes it.
//
// A newer edition is the reader's choice (`editionOf`), or a text of the same title as a
// document of the library — taken as its newer edition, or, when the host asks for it
// (`askOnSameTitle`), after the reader said so: the job waits with the question. The
// new edition is a new file; when the document has notes, a kept backup of user.sqlite
// is taken first (the list in it names the old edition's file); the row is switched to
// the new file in one transaction, then the notes are re-anchored in the new text
// (orphans are kept, with their quote, and listed). The old edition's file stays in
// library/ as long as a backup names it — restoring that backup brings the old edition
// back with its notes as they were — and is swept away by a later session once none
// does (./library-folder.ts). Removing a document deletes its file and keeps its row and
// its notes: they are listed and exported as for any document (every passage then
// without a place, each with its quote), and importing the document again takes them
// back.
//
// Restoring a backup of user.sqlite brings back the notes of its day placed in the text
// of its day, so every document's notes are placed again in its current text when it is
// opened (one indexed count when nothing changed); the folder's side of a restore is in
// ./library-folder.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, type ApiArgs } from '../../common/api/contract';
import type {
  BackupEntry,
  DocumentImportStatus,
  DocumentReanchorReport,
  LibraryDocument,
  Prefs,
  ReadingPosition,
} from '../../common/api/types';
import { createDocumentHandlers, type HostFacts, type SearchProvider } from '../api';
import { openContentStore } from '../content/store';
import type { ContentStore } from '../content/store-types';
import { ImportError, throwIfAborted } from '../import/errors';
import type { ImportLimits } from '../import/limits';
import { importInWorker } from '../import/worker-client';
import { backupEntry, createLibraryHandlers } from '../library/handlers';
import type { ImportRunner } from '../library/import-runner';
import type { SqliteLibrary } from '../library/library';
import type { Library } from '../library/library-types';
import { reanchorAnnotations, reanchorLibrary } from '../library/reanchor';
import { libraryContent, removedContent } from './content-view';
import { sha256InSlices } from './file-hash';
import { LazySearch } from './lazy-search';
import type { DocumentHandlers } from './handlers';
import { ImportJobs, type JobContext, type JobOutcome } from './jobs';
import {
  databaseMissing,
  relinkAfterRestore,
  removeIfEmpty,
  sweepLibraryFolder,
} from './library-folder';
import { DocumentRegistry, yearOf, type DocumentRow, type ImportedFacts } from './registry';

/** The folder of imported documents, inside the user-data folder. */
export const LIBRARY_DIR = 'library';
/** Search indexes of imported documents kept loaded at once (least recently used dropped). */
export const DEFAULT_MAX_LOADED_INDEXES = 16;
/** Imported documents kept open at once (an open content database is a file handle). */
const MAX_OPEN_DOCUMENTS = 64;

export interface DocumentLibraryOptions {
  library: SqliteLibrary;
  host: HostFacts;
  /** The import worker's script (a packaged app's bundle); default: beside the core. */
  workerFile?: string;
  /** Lower import limits (tests). */
  limits?: Partial<ImportLimits>;
  maxLoadedIndexes?: number;
  /** Where imports of notes (W3C JSON-LD) into a document run (default: the calling thread). */
  notesImportRunner?: ImportRunner;
}

/** What a removed document (no text, notes kept) cannot answer. */
const TEXT_METHODS = [
  'getToc',
  'getSection',
  'getSections',
  'search',
  'searchSuggestions',
  'getGlossary',
  'getPosition',
  'getStart',
  'setPosition',
  'toggleBookmark',
  'addBookmark',
  'addAnnotation',
  'addSectionNote',
] as const;

interface OpenDocument {
  row: DocumentRow;
  content: ContentStore;
  search: LazySearch | null;
  handlers: DocumentHandlers;
}

export class DocumentLibrary {
  readonly dir: string;
  readonly registry: DocumentRegistry;
  readonly jobs: ImportJobs;
  private readonly open = new Map<string, OpenDocument>();
  private readonly loaded: LazySearch[] = [];
  private swept = false;

  constructor(private readonly options: DocumentLibraryOptions) {
    this.dir = path.join(options.library.userDataDir, LIBRARY_DIR);
    this.registry = new DocumentRegistry(options.library);
    this.jobs = new ImportJobs(() => options.library.now());
  }

  private get library(): SqliteLibrary {
    return this.options.library;
  }

  /** Search indexes loaded now (for the benchmark and tests). */
  loadedIndexes(): number {
    return this.loaded.filter((s) => s.loaded).length;
  }

  // ---- listing ----------------------------------------------------------------

  toLibraryDocument(row: DocumentRow): LibraryDocument {
    return {
      id: row.id,
      bundled: false,
      title: row.title,
      publisher: row.publisher,
      year: row.year,
      format: row.format,
      sourceName: row.sourceName,
      sourceSha256: row.sourceSha256,
      sourceBytes: row.sourceBytes,
      pages: row.pages,
      sections: row.sections,
      paragraphs: row.paragraphs,
      writingMode: row.writingMode,
      edition: row.edition,
      importedAt: row.importedAt,
      updatedAt: row.updatedAt,
      removed: row.removedAt !== null,
      removedAt: row.removedAt,
      notes: this.registry.notesCount(row.id),
    };
  }

  list(includeRemoved: boolean): LibraryDocument[] {
    this.sweep();
    return this.registry
      .list(includeRemoved)
      .map((row) => this.toLibraryDocument(row))
      .filter((d) => !d.removed || d.notes > 0);
  }

  // ---- one document's handlers ------------------------------------------------

  private documentLibrary(id: string): Library {
    const library = this.library;
    return {
      path: library.path,
      getPrefs: (): Prefs => library.getPrefs(),
      setPrefs: (patch) => library.setPrefs(patch),
      getPosition: (): ReadingPosition | null => this.registry.getPosition(id),
      setPosition: (position) => this.registry.setPosition(id, position),
      startupNotices: () => library.startupNotices(),
      close: () => {},
    };
  }

  private usedIndex = (search: LazySearch): void => {
    const at = this.loaded.indexOf(search);
    if (at >= 0) this.loaded.splice(at, 1);
    this.loaded.push(search);
    const max = this.options.maxLoadedIndexes ?? DEFAULT_MAX_LOADED_INDEXES;
    while (this.loaded.length > max) this.loaded.shift()?.unload();
  };

  private openDocument(row: DocumentRow): OpenDocument {
    let content: ContentStore;
    let search: LazySearch | null = null;
    if (row.removedAt !== null) content = removedContent(row);
    else {
      const file = path.join(this.dir, row.file);
      let store: ContentStore;
      try {
        store = openContentStore(file);
      } catch (err) {
        throw new ApiError(
          'unavailable',
          `document ${row.id} (${row.title}) cannot be opened: ${err instanceof Error ? err.message : String(err)}; import it again`,
        );
      }
      content = libraryContent(store, row);
      search = new LazySearch(content, this.usedIndex);
    }
    const view = this.library.forDocument(row.id);
    const handlers = createDocumentHandlers({
      content,
      search,
      library: this.documentLibrary(row.id),
      libraryHandlers: createLibraryHandlers({
        library: view,
        content,
        documentId: row.id,
        ...(this.options.notesImportRunner ? { importRunner: this.options.notesImportRunner } : {}),
      }),
      host: this.options.host,
    });
    // Notes placed in another text (a restored backup's) are placed in this one; with
    // nothing new to place this is one indexed count.
    if (row.removedAt === null) reanchorLibrary(view, content);
    if (row.removedAt !== null) {
      // No text: the calls that read or mark it say so; the notes' calls still answer.
      const gone = () =>
        new ApiError(
          'not_found',
          `document ${row.id} (${row.title}) was removed from the library; its notes are kept`,
        );
      for (const method of TEXT_METHODS)
        (handlers as Record<string, unknown>)[method] = () => {
          throw gone();
        };
    }
    return { row, content, search, handlers };
  }

  /** Closes an open document (a newer edition, new metadata, removal). */
  private drop(id: string): void {
    const doc = this.open.get(id);
    if (!doc) return;
    this.open.delete(id);
    if (doc.search) {
      doc.search.unload();
      const at = this.loaded.indexOf(doc.search);
      if (at >= 0) this.loaded.splice(at, 1);
    }
    doc.content.close();
  }

  /** The handlers of an imported document (removed ones answer from their notes alone). */
  handlersFor(id: string): DocumentHandlers {
    const row = this.registry.get(id);
    let doc = this.open.get(id);
    if (doc && (doc.row.file !== row.file || doc.row.updatedAt !== row.updatedAt)) {
      this.drop(id);
      doc = undefined;
    }
    if (!doc) {
      doc = this.openDocument(row);
      this.open.set(id, doc);
      while (this.open.size > MAX_OPEN_DOCUMENTS) {
        const oldest = this.open.keys().next().value;
        if (oldest === undefined) break;
        this.drop(oldest);
      }
    } else {
      // Most recently used last.
      this.open.delete(id);
      this.open.set(id, doc);
    }
    return doc.handlers;
  }

  /** An imported document's text search (null: removed, no text). */
  searchFor(id: string): SearchProvider | null {
    this.handlersFor(id);
    return this.open.get(id)?.search ?? null;
  }

  // ---- import -------------------------------------------------------------------

  private newDocumentId(): string {
    for (;;) {
      const id = `doc-${crypto.randomBytes(8).toString('hex')}`;
      if (!this.registry.find(id)) return id;
    }
  }

  private duplicate(sha: string, except: string | null): ApiError | null {
    const dup = this.registry.liveBySha(sha);
    if (!dup || dup.id === except || databaseMissing(this.dir, dup)) return null;
    return new ApiError(
      'conflict',
      `this file is already in the library as "${dup.title}" (${dup.id})`,
    );
  }

  /** A session that may not write user.sqlite cannot change the library either. */
  private writable(): void {
    if (this.library.readOnly) throw this.library.readOnlyError();
  }

  startImport(args: ApiArgs<'importDocument'>): DocumentImportStatus {
    this.writable();
    const name = path.basename(args.name.replace(/\\/g, '/')) || 'file';
    // The bytes as the host received them (never decoded or copied on this thread).
    const bytes = args.file;
    if (bytes.length === 0) throw new ApiError('invalid_input', `${name}: empty file`);
    const named = args.editionOf ? this.registry.get(args.editionOf) : null;
    return this.jobs.start(name, async (job) => {
      // The same file already in the library: refused before the worker starts (hashed
      // in slices, so a large file never holds up the requests being served).
      const sha = await sha256InSlices(bytes);
      // The same file again for a document whose database was lost: it comes back as it
      // was, under its id and the title the reader gave it.
      const lost = named ? null : this.lostFileOf(sha);
      const replaces = named ?? lost;
      const dup = this.duplicate(sha, replaces?.id ?? null);
      if (dup) throw dup;
      const started = lost && args.title === undefined ? { ...args, title: lost.title } : args;
      const created = !fs.existsSync(this.dir);
      fs.mkdirSync(this.dir, { recursive: true });
      this.sweep();
      try {
        return await this.runImport(started, name, bytes, replaces, job);
      } catch (err) {
        // A first import that fails leaves no empty library/ folder behind either.
        if (created) removeIfEmpty(this.dir);
        throw err;
      }
    });
  }

  private async runImport(
    args: ApiArgs<'importDocument'>,
    name: string,
    bytes: Uint8Array,
    replaces: DocumentRow | null,
    { signal, progress, ask }: JobContext,
  ): Promise<JobOutcome> {
    const id = replaces?.id ?? this.newDocumentId();
    const file = `${id}-${crypto.randomBytes(4).toString('hex')}.sqlite`;
    const target = path.join(this.dir, file);
    const result = await importInWorker({
      bytes,
      name,
      target,
      ...(args.title !== undefined ? { title: args.title } : {}),
      documentId: id,
      signal,
      onProgress: progress,
      ...(this.options.workerFile ? { workerFile: this.options.workerFile } : {}),
      ...(this.options.limits ? { limits: this.options.limits } : {}),
    });
    let row: DocumentRow;
    let earlier: DocumentRow | null;
    let backup: BackupEntry | null = null;
    try {
      throwIfAborted(signal, name);
      earlier = replaces ?? (args.asNewDocument ? null : this.registry.byTitle(result.title));
      if (earlier && !replaces && args.askOnSameTitle) {
        const answer = await ask({
          documentId: earlier.id,
          title: earlier.title,
          edition: earlier.edition,
          notes: this.registry.notesCount(earlier.id),
          removed: earlier.removedAt !== null,
        });
        // The document as it is now (the reader may have changed or removed it meanwhile).
        earlier = answer === 'edition' ? this.registry.find(earlier.id) : null;
      }
      throwIfAborted(signal, name);
      // The way back before notes move: a kept backup whose list names the old edition.
      if (
        earlier &&
        this.registry.notesCount(earlier.id) > 0 &&
        !databaseMissing(this.dir, earlier)
      )
        backup = backupEntry(await this.library.backupNow('pre-import'));
      throwIfAborted(signal, name);
      // Another import may have added the same file meanwhile (only an edition the
      // reader named may be the very same file again: a re-import with a newer importer).
      const again = this.duplicate(result.sourceSha256, replaces?.id ?? null);
      if (again) throw again;
      const facts: ImportedFacts = {
        file,
        title: result.title,
        publisher: result.publisher || earlier?.publisher || '',
        year: yearOf(result.edition) || earlier?.year || '',
        format: result.format,
        sourceName: name,
        sourceSha256: result.sourceSha256,
        sourceBytes: bytes.length,
        pages: result.pageCount,
        sections: result.sections,
        paragraphs: result.paragraphs,
        writingMode: result.writingMode,
      };
      row = earlier
        ? this.registry.replaceEdition(earlier.id, facts)
        : this.registry.insert(id, facts);
    } catch (err) {
      // Not committed: the file goes, the library is as it was.
      fs.rmSync(target, { force: true });
      throw err instanceof ImportError || err instanceof ApiError
        ? err
        : new ImportError('write_failed', `${name}: cannot add it to the library (${String(err)})`);
    }
    let reanchored: DocumentReanchorReport | null = null;
    if (earlier) {
      // The old edition's file stays while a backup names it (see the top of this file).
      this.drop(earlier.id);
      reanchored = { ...this.reanchor(row), backup };
    }
    return {
      document: this.toLibraryDocument(row),
      replaced: earlier !== null,
      reanchored,
      warnings: result.warnings,
    };
  }

  /** Re-anchors a document's notes in its current text; orphans are kept and listed. */
  private reanchor(row: DocumentRow): Omit<DocumentReanchorReport, 'backup'> {
    const view = this.library.forDocument(row.id);
    const store = libraryContent(openContentStore(path.join(this.dir, row.file)), row);
    try {
      const summary = reanchorAnnotations(view, store);
      const orphanIds = view.annotations
        .list()
        .filter((a) => a.anchor === 'orphan')
        .map((a) => a.id);
      return { ...summary, orphanIds };
    } finally {
      store.close();
    }
  }

  // ---- metadata, removal ------------------------------------------------------------

  updateMetadata(args: ApiArgs<'updateDocumentMetadata'>): LibraryDocument {
    this.writable();
    const row = this.registry.updateMetadata(args.id, {
      ...(args.title !== undefined ? { title: args.title } : {}),
      ...(args.publisher !== undefined ? { publisher: args.publisher } : {}),
      ...(args.year !== undefined ? { year: args.year } : {}),
    });
    this.drop(row.id);
    return this.toLibraryDocument(row);
  }

  /** The live document this very file was imported as, when its database is gone. */
  private lostFileOf(sha: string): DocumentRow | null {
    const row = this.registry.liveBySha(sha);
    return row && databaseMissing(this.dir, row) ? row : null;
  }

  /**
   * After user.sqlite was replaced by a backup: the list is the backup's. Open documents
   * are closed (their notes are placed again in the current text when next opened), and
   * rows naming a replaced edition are pointed at the current one (./library-folder.ts).
   */
  restored(): { relinked: string[]; missing: string[] } {
    for (const id of [...this.open.keys()]) this.drop(id);
    return relinkAfterRestore(this.library, this.registry, this.dir);
  }

  remove(id: string): LibraryDocument {
    this.writable();
    const row = this.registry.markRemoved(id);
    this.drop(id);
    // Best effort: a file another process still holds open is deleted by a later sweep.
    try {
      fs.rmSync(path.join(this.dir, row.file), { force: true });
    } catch {
      // left for sweep()
    }
    return this.toLibraryDocument(row);
  }

  /** Clears what interrupted work left in library/, once per session (./library-folder.ts). */
  private sweep(): void {
    if (this.swept) return;
    this.swept = true;
    sweepLibraryFolder(this.dir, this.registry.liveFiles(), this.library);
  }

  async close(): Promise<void> {
    await this.jobs.stopAll();
    for (const id of [...this.open.keys()]) this.drop(id);
  }

  /** Closes every open document now (the core's synchronous close); running imports are cancelled. */
  closeNow(): void {
    void this.jobs.stopAll();
    for (const id of [...this.open.keys()]) this.drop(id);
  }
}

// Importing a W3C Web Annotation export (ours) into the reader's notes, as the
// contract's importAnnotations runs it. One import at a time per reader: it is
// read, checked and placed away from the request path (./import-runner.ts), its
// progress can be asked for and it can be cancelled until it commits; a kept backup
// of the state before is taken only once there is something to write, then the
// items are written in one short transaction. After any error — a file refused
// whole, a disk error, a cancel — nothing of the file is stored.
import { ApiError } from '../../common/api/contract';
import type { ImportProgress, ImportSummary } from '../../common/api/types';
import { makeNotice } from '../../common/i18n/notices';
import { MAX_IMPORT_REPORTS } from '../../common/rules/notes';
import type { ContentStore } from '../content/store-types';
import { ImportCancelled } from './import-prepare';
import { CancelFlag, importFailure, type ImportRunner } from './import-runner';
import type { SqliteLibrary } from './library';
import { contentDigest } from './placement';

/** The import running in one reader core, if any: its progress and its cancel flag. */
export class ImportJobs {
  private current: { progress: ImportProgress; cancel: CancelFlag } | null = null;

  progress(): ImportProgress | null {
    return this.current ? { ...this.current.progress } : null;
  }

  cancel(): boolean {
    if (!this.current) return false;
    this.current.cancel.set();
    this.current.progress.cancelling = true;
    return true;
  }

  /** Runs `job` as the one import of this core; a second one meanwhile is refused. */
  async run<T>(
    job: (cancel: CancelFlag, update: (p: Partial<ImportProgress>) => void) => Promise<T>,
  ): Promise<T> {
    if (this.current)
      throw new ApiError('conflict', 'an import is already running; wait for it or cancel it');
    const cancel = new CancelFlag();
    const current = {
      cancel,
      progress: {
        phase: 'reading',
        done: 0,
        total: 0,
        startedAt: new Date().toISOString(),
        cancelling: false,
      } as ImportProgress,
    };
    this.current = current;
    try {
      return await job(cancel, (p) => Object.assign(current.progress, p));
    } finally {
      this.current = null;
    }
  }
}

function cancelledSummary(): ImportSummary {
  const zero = { added: 0, unchanged: 0, conflicts: 0, refused: 0 };
  return {
    ...zero,
    annotations: { ...zero },
    bookmarks: { ...zero },
    orphaned: 0,
    details: [],
    moreDetails: 0,
    backup: null,
    cancelled: true,
  };
}

export async function importAnnotations(
  library: SqliteLibrary,
  content: ContentStore,
  body: string | Uint8Array,
  options: { runner: ImportRunner; jobs: ImportJobs },
): Promise<ImportSummary> {
  if (library.readOnly) throw library.readOnlyError();
  return options.jobs.run(async (cancel, update) => {
    const document = content.document();
    let backup: string | null = null;
    let result;
    // From the moment the worker starts its transaction until it ends, the host's own
    // writes wait for it without blocking (see ../write-gate.ts).
    let release: (() => void) | null = null;
    const progress = (p: Partial<ImportProgress>): void => {
      if (p.phase === 'writing' && !release)
        library.holdWrites(new Promise<void>((resolve) => (release = resolve)));
      update(p);
    };
    try {
      result = await options.runner.run(
        {
          body,
          docs: content.searchDocs(),
          documentId: document.id,
          sourceSha256: document.sourceSha256,
          now: Date.now(),
          digest: contentDigest(content),
          dbPath: library.path,
          documentKey: library.annotations.documentKey,
        },
        {
          progress: (phase, done, total) => progress({ phase, done, total }),
          beforeWrite: async (changes) => {
            if (changes === 0) return;
            update({ phase: 'backing-up', done: 0, total: 0 });
            // A verified copy of the state before anything of the file is written.
            backup = (await library.keptBackup('pre-import')).name;
          },
        },
        cancel,
      );
    } catch (err) {
      if (err instanceof ImportCancelled) return cancelledSummary();
      throw importFailure(err);
    } finally {
      (release as (() => void) | null)?.();
    }
    const write = result.write;
    if (write?.changed) library.notesChanged();
    const zero = { added: 0, unchanged: 0, conflicts: 0, refused: 0 };
    const annotations = { ...(write?.annotations ?? zero) };
    const bookmarks = { ...(write?.bookmarks ?? zero) };
    annotations.refused += result.refusedCount.annotations;
    bookmarks.refused += result.refusedCount.bookmarks;
    // The first reports of each kind merged in file order; the counts hold them all.
    const details = [...result.refused, ...(write?.conflicts ?? [])].sort(
      (a, b) => a.item - b.item,
    );
    const reported =
      annotations.refused + bookmarks.refused + annotations.conflicts + bookmarks.conflicts;
    if (write?.changed && result.orphaned > 0)
      library.addNotice(makeNotice('imported_annotations_orphaned', { count: result.orphaned }));
    return {
      added: annotations.added + bookmarks.added,
      unchanged: annotations.unchanged + bookmarks.unchanged,
      conflicts: annotations.conflicts + bookmarks.conflicts,
      refused: annotations.refused + bookmarks.refused,
      annotations,
      bookmarks,
      orphaned: write ? result.orphaned : 0,
      details: details.slice(0, MAX_IMPORT_REPORTS),
      moreDetails: Math.max(0, reported - Math.min(details.length, MAX_IMPORT_REPORTS)),
      backup,
      cancelled: false,
    };
  });
}

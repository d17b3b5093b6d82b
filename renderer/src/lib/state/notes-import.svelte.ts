// An import of notes from the app: the picked file's bytes go to the core as they are
// (it decodes, checks and places them away from the requests the reader keeps
// making), its progress is asked for while it runs, it can be cancelled until it
// writes, and its answer (counts, refusals and conflicts with their reasons, the
// backup taken before) is kept to show until the reader closes it.
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import { notesAccess, type NotesAccessState } from './notes-access.svelte';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { ImportProgress, ImportSummary } from '../../../../electron/common/api/types';

export type NotesImportApi = Pick<
  ApiClient,
  'importAnnotations' | 'importProgress' | 'cancelImport'
>;

/** How often a running import is asked where it is (ms). */
export const PROGRESS_POLL_MS = 200;

export class NotesImportState {
  /** Where the running import is; null when none runs from here. */
  progress = $state.raw<ImportProgress | null>(null);
  running = $state(false);
  /** The last import's answer, until closed. */
  result = $state.raw<ImportSummary | null>(null);
  error = $state<string | null>(null);
  /** Cancel was asked for before the core had the file (still being sent): ask again once it has. */
  private cancelPending = false;

  constructor(
    private readonly api: NotesImportApi = defaultApi,
    /** Told of a refused import: the session may have become read-only. */
    private readonly access: Pick<NotesAccessState, 'afterFailure'> = notesAccess,
  ) {}

  /**
   * Imports `bytes` (the file as read from disk); `after` reads the lists again once
   * something may have changed. Resolves with the answer (null after an error).
   */
  async run(
    bytes: Uint8Array<ArrayBuffer>,
    after: () => Promise<unknown>,
  ): Promise<ImportSummary | null> {
    if (this.running) return null;
    this.running = true;
    this.result = null;
    this.error = null;
    // Until the core's first answer: reading the file (the core's own start time follows).
    this.progress = {
      phase: 'reading',
      done: 0,
      total: 0,
      startedAt: '',
      cancelling: false,
    };
    let finished = false;
    this.cancelPending = false;
    const poll = async (): Promise<void> => {
      while (!finished) {
        await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
        if (finished) return;
        try {
          const seen = await this.api.importProgress({});
          if (finished || !seen) continue;
          if (this.cancelPending && !seen.cancelling) {
            this.cancelPending = !(await this.api.cancelImport({})).cancelled;
            seen.cancelling = true;
          }
          this.progress = seen;
        } catch {
          // A missed answer only delays the bar.
        }
      }
    };
    const polling = poll();
    try {
      const summary = await this.api.importAnnotations({ file: bytes });
      this.result = summary;
      if (!summary.cancelled) await after();
      return summary;
    } catch (err) {
      this.error = messageOf(err);
      await this.access.afterFailure(err);
      return null;
    } finally {
      finished = true;
      await polling;
      this.progress = null;
      this.running = false;
    }
  }

  /** Asks the running import to stop (it stops before it writes anything). */
  async cancel(): Promise<void> {
    if (!this.running) return;
    if (this.progress) this.progress = { ...this.progress, cancelling: true };
    try {
      // False while the file is still on its way to the core: asked again once it runs.
      this.cancelPending = !(await this.api.cancelImport({})).cancelled;
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  close(): void {
    this.result = null;
    this.error = null;
  }
}

export const notesImport = new NotesImportState();

// Whether the reader's bookmarks and notes can be changed in this session. The core
// decides (AppInfo.notesReadOnly): user.sqlite or its folder could not be written when
// it opened, or a write failed later because the file or folder became read-only. The
// renderer asks at start, and again after a change was refused as `unavailable` (the
// code the core gives a read-only or full disk); while it is read-only every editing
// control is off, and reading, search, copy and export stay as they are. A session
// never becomes writable again: the core says so only after a restart.
import { api as defaultApi, ApiCallError } from '../api';
import type { ApiClient } from '../../../../electron/common/api/contract';

export type NotesAccessApi = Pick<ApiClient, 'getAppInfo'>;

export class NotesAccessState {
  /** Bookmarks and notes are shown but cannot be changed. */
  readOnly = $state(false);
  /** Set when the switch happened during the session (after a refused change). */
  switchedDuringSession = $state(false);

  private readonly api: NotesAccessApi;
  private checking: Promise<boolean> | null = null;

  constructor(api: NotesAccessApi = defaultApi) {
    this.api = api;
  }

  /** Asks the core once at start. */
  async load(): Promise<void> {
    await this.ask();
  }

  /**
   * After a change failed with `err`: when the core refused it as unavailable, asks it
   * whether notes have become read-only. Resolves to whether they are now (never
   * throws: the caller reports `err` itself).
   */
  async afterFailure(err: unknown): Promise<boolean> {
    if (this.readOnly) return true;
    if (!(err instanceof ApiCallError) || err.code !== 'unavailable') return false;
    const now = await this.ask();
    if (now) this.switchedDuringSession = true;
    return now;
  }

  /** Runs the change `fn`; a failure is checked (see afterFailure) and thrown on. */
  async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      await this.afterFailure(err);
      throw err;
    }
  }

  private ask(): Promise<boolean> {
    this.checking ??= (async () => {
      try {
        const info = await this.api.getAppInfo({});
        if (info.notesReadOnly) this.readOnly = true;
      } catch {
        // Unknown: keep what was known (a refused change still reports its own error).
      } finally {
        this.checking = null;
      }
      return this.readOnly;
    })();
    return this.checking;
  }
}

export const notesAccess = new NotesAccessState();

// The backups view's state: the verified backups of user.sqlite (newest first, with
// their total size), a backup taken on demand, a backup deleted, and a restore. A restore asks first (the view shows what
// will happen); the core saves the current state as a 'pre-restore' backup before
// replacing it, so every restore can be undone from this same list. Afterwards the
// reader's data in the UI (preferences, bookmarks, notes) is read again, so what is
// shown is what is now stored.
import { api as defaultApi, ApiCallError } from '../api';
import { messageOf } from '../errors';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { BackupEntry } from '../../../../electron/common/api/types';
import type { MessageKey } from '../../../../electron/common/i18n/messages';
import { annotations, type AnnotationsState } from './annotations.svelte';
import { bookmarks, type BookmarksState } from './bookmarks.svelte';
import { prefs, type PrefsState } from './prefs.svelte';

/** An outcome to tell the reader: a catalogue key and its facts (`time` is an ISO time). */
export interface BackupOutcome {
  kind: 'ok' | 'error';
  key: MessageKey;
  params: Record<string, string | number>;
}

/** What a failed restore means for the reader, by the contract's error code. */
export function restoreErrorOutcome(err: unknown): BackupOutcome {
  const code = err instanceof ApiCallError ? err.code : 'internal';
  const message = messageOf(err);
  switch (code) {
    case 'conflict':
      return { kind: 'error', key: 'restoreInUse', params: {} };
    case 'invalid_input':
      return { kind: 'error', key: 'restoreBadBackup', params: { message } };
    case 'not_found':
      return { kind: 'error', key: 'restoreGone', params: {} };
    default:
      return { kind: 'error', key: 'restoreFailed', params: { message } };
  }
}

/** What the backups state works with: the contract, and the reader's data it reloads after a restore. */
export interface BackupsDeps {
  api: Pick<
    ApiClient,
    'listBackups' | 'createBackup' | 'restoreBackup' | 'deleteBackup' | 'getPrefs'
  >;
  bookmarks: Pick<BookmarksState, 'load' | 'list'>;
  annotations: Pick<AnnotationsState, 'load' | 'list'>;
  prefs: Pick<PrefsState, 'load'>;
}

export class BackupsState {
  /** The view is open (a modal dialog). */
  open = $state(false);
  list = $state.raw<BackupEntry[]>([]);
  loading = $state(false);
  /** Listing failed (e.g. the notes database is unavailable). */
  error = $state<string | null>(null);
  /** The backup the reader asked to restore, awaiting confirmation. */
  confirming = $state.raw<BackupEntry | null>(null);
  /** The backup the reader asked to delete, awaiting confirmation. */
  deleting = $state.raw<BackupEntry | null>(null);
  /** The size of every backup listed, in bytes. */
  readonly totalBytes = $derived(this.list.reduce((n, b) => n + b.bytes, 0));
  /** A backup or a restore is running. */
  busy = $state(false);
  outcome = $state.raw<BackupOutcome | null>(null);
  private readonly deps: BackupsDeps;

  constructor(deps: Partial<BackupsDeps> = {}) {
    this.deps = {
      api: deps.api ?? defaultApi,
      bookmarks: deps.bookmarks ?? bookmarks,
      annotations: deps.annotations ?? annotations,
      prefs: deps.prefs ?? prefs,
    };
  }

  show(): void {
    this.open = true;
    this.confirming = null;
    this.outcome = null;
    void this.load();
  }

  close(): void {
    if (this.busy) return;
    this.open = false;
    this.confirming = null;
    this.deleting = null;
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.list = await this.deps.api.listBackups({});
      this.error = null;
    } catch (err) {
      this.list = [];
      this.error = messageOf(err);
    } finally {
      this.loading = false;
    }
  }

  /**
   * Runs one change while no other runs: busy meanwhile, its outcome (or `failed`'s)
   * shown, then the list read again. `run` calls `done` once the change itself is made
   * (what follows may still fail). Resolves to whether it was made.
   */
  private async exclusive(
    run: (done: () => void) => Promise<BackupOutcome>,
    failed: (err: unknown, made: boolean) => BackupOutcome,
    settle?: () => void,
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.outcome = null;
    let made = false;
    try {
      this.outcome = await run(() => (made = true));
    } catch (err) {
      this.outcome = failed(err, made);
    } finally {
      this.busy = false;
      settle?.();
    }
    await this.load();
    return made;
  }

  async takeNow(): Promise<void> {
    await this.exclusive(
      async (done) => {
        const entry = await this.deps.api.createBackup({});
        done();
        return { kind: 'ok', key: 'backupTaken', params: { time: entry.createdAt } };
      },
      (err) => ({ kind: 'error', key: 'backupFailed', params: { message: messageOf(err) } }),
    );
  }

  /** Deletes `entry` (after the view's confirmation); the current data is not touched. */
  remove(entry: BackupEntry): Promise<boolean> {
    return this.exclusive(
      async (done) => {
        const gone = await this.deps.api.deleteBackup({ name: entry.name });
        done();
        return {
          kind: 'ok',
          key: 'backupDeleted',
          params: { time: gone.createdAt, bytes: gone.bytes },
        };
      },
      (err) => ({ kind: 'error', key: 'backupDeleteFailed', params: { message: messageOf(err) } }),
      () => (this.deleting = null),
    );
  }

  /** Replaces the reader's data by `entry` (after the view's confirmation), then reloads it. */
  restore(entry: BackupEntry): Promise<boolean> {
    return this.exclusive(
      async (done) => {
        const { api, bookmarks, annotations, prefs } = this.deps;
        await api.restoreBackup({ name: entry.name });
        done();
        const [stored] = await Promise.all([
          api.getPrefs({}),
          bookmarks.load(),
          annotations.load(),
        ]);
        prefs.load(stored);
        return {
          kind: 'ok',
          key: 'restored',
          params: {
            time: entry.createdAt,
            bookmarks: bookmarks.list.length,
            notes: annotations.list.length,
          },
        };
      },
      (err, made) =>
        made
          ? { kind: 'error', key: 'restoreFailed', params: { message: messageOf(err) } }
          : restoreErrorOutcome(err),
      () => (this.confirming = null),
    );
  }
}

export const backups = new BackupsState();

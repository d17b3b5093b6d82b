// When user.sqlite is backed up: at start when it changed since the newest backup,
// after a burst of changes, and after a quiet period following the last change —
// never twice for the same state (the change counter tells). Only changes to the
// reader's bookmarks and notes count: saving the reading position or a preference
// never triggers a backup (it would rotate real history away within minutes). Backups run one at a
// time on a chain, so a manual backup, an automatic one and a restore never
// overlap; an automatic backup that fails becomes a notice instead of an error.
import type Database from 'better-sqlite3';
import { ApiError } from '../../common/api/contract';
import { makeNotice } from '../../common/i18n/notices';
import {
  listBackups,
  readBackupState,
  takeBackup,
  type BackupInfo,
  type BackupReason,
} from './backups';
import type { StartupNotice } from './library-types';
import { LATEST_VERSION } from './migrations/index';

export interface BackupScheduleOptions {
  /** Automatic backups on start and after bursts of changes. */
  autoBackup: boolean;
  /** Quiet time after the last change before an automatic backup. */
  quietMs: number;
  /** Number of changes that triggers a backup without waiting for quiet. */
  burst: number;
  /** Backups kept by rotation. */
  keep: number;
  now: () => Date;
}

/** What the schedule needs of the library. */
export interface BackedUpDatabase {
  readonly userDataDir: string;
  /** The open connection, or null once closed. */
  connection(): Database.Database | null;
  /** The notes counter (./change-seq.ts): what a backup must hold. */
  notesSeq(): number;
  addNotice(notice: StartupNotice): void;
}

export class BackupSchedule {
  private pendingChanges = 0;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Change counter of the newest backup (-1: not known yet). */
  private lastBackupSeq = -1;

  constructor(
    private readonly target: BackedUpDatabase,
    private readonly options: BackupScheduleOptions,
  ) {}

  /** Called after each committed write. */
  changed(): void {
    if (!this.options.autoBackup) return;
    this.pendingChanges += 1;
    if (this.pendingChanges >= this.options.burst) {
      void this.backupIfChanged('auto');
      return;
    }
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.backupIfChanged('auto');
    }, this.options.quietMs);
    this.timer.unref();
  }

  /** Called at start. */
  started(): void {
    if (this.options.autoBackup) void this.backupIfChanged('start');
  }

  /** Takes a verified backup now (after any running one). */
  backupNow(reason: BackupReason): Promise<BackupInfo> {
    const run = this.chain.then(() => this.take(reason));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * A backup of a kept kind (pre-import, pre-restore) of the current state: the
   * newest one of that kind when it already holds this state, else a new one.
   */
  keptBackup(reason: BackupReason): Promise<BackupInfo> {
    const run = this.chain.then(async () => {
      const seq = this.target.notesSeq();
      const same = listBackups(this.target.userDataDir).find((b) => b.reason === reason);
      const state = same ? readBackupState(same.path) : null;
      if (same && state && state.version === LATEST_VERSION && state.notesSeq === seq) return same;
      return this.take(reason);
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Runs `fn` on the chain: never while a backup is being written. */
  exclusive<T>(fn: () => T): Promise<T> {
    const run = this.chain.then(fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Backs up unless the newest backup already holds this state; never throws. */
  backupIfChanged(reason: BackupReason): Promise<BackupInfo | null> {
    const run = this.chain.then(async () => {
      if (!this.target.connection()) return null;
      const seq = this.target.notesSeq();
      if (this.lastBackupSeq < 0) {
        const newest = listBackups(this.target.userDataDir)[0];
        const state = newest ? readBackupState(newest.path) : null;
        this.lastBackupSeq =
          state && state.version === LATEST_VERSION && state.notesSeq !== null
            ? state.notesSeq
            : -1;
      }
      if (seq === this.lastBackupSeq) {
        this.pendingChanges = 0;
        return null;
      }
      return this.take(reason);
    });
    const safe = run.catch((err: unknown) => {
      const detail = err instanceof Error ? err.message : String(err);
      this.target.addNotice(makeNotice('backup_failed', { detail }));
      return null;
    });
    this.chain = safe;
    return safe;
  }

  /** Resolves once every scheduled backup has finished. */
  async idle(): Promise<void> {
    await this.chain;
  }

  /** The database was replaced (restore): what the newest backup holds is not known any more. */
  replaced(): void {
    this.lastBackupSeq = -1;
    this.pendingChanges = 0;
  }

  /** No more automatic backups (closing, or about to replace the file). */
  stop(): void {
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async take(reason: BackupReason): Promise<BackupInfo> {
    const db = this.target.connection();
    if (!db) throw new ApiError('unavailable', 'the library is closed');
    const seq = this.target.notesSeq();
    this.pendingChanges = 0;
    const info = await takeBackup(db, this.target.userDataDir, reason, {
      keep: this.options.keep,
      now: this.options.now(),
    });
    this.lastBackupSeq = seq;
    return info;
  }
}

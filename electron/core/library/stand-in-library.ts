// What a host gets when the reader's user.sqlite is not opened, so that the
// reader still works: preferences and the reading position live in memory for
// this session only.
//  - RefusedLibrary: user.sqlite was written by a newer app, is held by another
//    process longer than the reader waits, or cannot be opened for a reason that is
//    not damage. It is left untouched; bookmarks and notes answer with the notice's
//    words; the notice says why.
//  - AbsentLibrary: there is no user.sqlite yet and the caller only reads (the
//    CLI's `search`, `toc`, `… list`): nothing is created, and the reader's notes,
//    bookmarks and backups are simply empty.
import { ApiError } from '../../common/api/contract';
import { makeNotice } from '../../common/i18n/notices';
import type { Prefs, ReadingPosition } from '../../common/api/types';
import { DEFAULT_PREFS } from '../../common/rules/prefs';
import type { Library, StartupNotice } from './library-types';
import type { DatabaseInUseError, DatabaseUnavailableError, NewerDatabaseError } from './user-db';

abstract class StandInLibrary implements Library {
  private prefs: Prefs = { ...DEFAULT_PREFS };
  private position: ReadingPosition | null = null;

  constructor(readonly path: string) {}

  getPrefs(): Prefs {
    return { ...this.prefs };
  }
  setPrefs(patch: Partial<Prefs>): Prefs {
    this.prefs = { ...this.prefs, ...patch };
    return this.getPrefs();
  }
  getPosition(): ReadingPosition | null {
    return this.position ? { ...this.position } : null;
  }
  setPosition(position: ReadingPosition): ReadingPosition {
    this.position = { sectionId: position.sectionId, scroll: position.scroll };
    return { ...this.position };
  }
  abstract startupNotices(): StartupNotice[];
  notesReadOnly(): boolean {
    return true;
  }
  /** The error every method that would write the reader's notes answers with. */
  abstract unavailable(): ApiError;
  close(): void {}
}

export class RefusedLibrary extends StandInLibrary {
  private readonly notice: StartupNotice;
  private readonly code: ApiError['code'];

  constructor(error: NewerDatabaseError | DatabaseInUseError | DatabaseUnavailableError) {
    super(error.path);
    this.code = error.code;
    if (error.name === 'NewerDatabaseError') {
      const newer = error as NewerDatabaseError;
      this.notice = makeNotice(
        'database_too_new',
        { path: newer.path, found: newer.found, supported: newer.supported },
        [newer.path],
      );
    } else if (error.name === 'DatabaseInUseError') {
      this.notice = makeNotice('database_in_use', { path: error.path, detail: error.message }, [
        error.path,
      ]);
    } else {
      const unavailable = error as DatabaseUnavailableError;
      this.notice = makeNotice(
        'database_unavailable',
        { path: unavailable.path, detail: unavailable.detail },
        [unavailable.path],
      );
    }
  }

  startupNotices(): StartupNotice[] {
    return [
      { ...this.notice, params: { ...this.notice.params }, paths: [...(this.notice.paths ?? [])] },
    ];
  }
  unavailable(): ApiError {
    return new ApiError(
      this.code === 'conflict' ? 'conflict' : 'unavailable',
      this.notice.message.split('\n')[0] ?? '',
    );
  }
}

export class AbsentLibrary extends StandInLibrary {
  startupNotices(): StartupNotice[] {
    return [];
  }
  override setPrefs(): Prefs {
    throw this.unavailable();
  }
  override setPosition(): ReadingPosition {
    throw this.unavailable();
  }
  unavailable(): ApiError {
    return new ApiError(
      'unavailable',
      `${this.path} does not exist yet, and this call only reads: nothing was written`,
    );
  }
}

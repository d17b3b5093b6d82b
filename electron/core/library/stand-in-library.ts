// What a host gets when the reader's user.sqlite is not opened, so that the
// reader still works: preferences and the reading position live in memory for
// this session only.
//  - RefusedLibrary: user.sqlite was written by a newer app. It is refused and
//    left untouched; bookmarks and notes answer `unavailable`; a notice says why.
//  - AbsentLibrary: there is no user.sqlite yet and the caller only reads (the
//    CLI's `search`, `toc`, `… list`): nothing is created, and the reader's notes,
//    bookmarks and backups are simply empty.
import { ApiError } from '../../common/api/contract';
import { makeNotice } from '../../common/i18n/notices';
import type { Prefs, ReadingPosition } from '../../common/api/types';
import { DEFAULT_PREFS } from '../../common/rules/prefs';
import type { Library, StartupNotice } from './library-types';
import type { NewerDatabaseError } from './user-db';

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
  /** The error every method that would write the reader's notes answers with. */
  abstract unavailable(): ApiError;
  close(): void {}
}

export class RefusedLibrary extends StandInLibrary {
  private readonly notice: StartupNotice;

  constructor(error: NewerDatabaseError) {
    super(error.path);
    this.notice = makeNotice(
      'database_too_new',
      { path: error.path, found: error.found, supported: error.supported },
      [error.path],
    );
  }

  startupNotices(): StartupNotice[] {
    return [
      { ...this.notice, params: { ...this.notice.params }, paths: [...(this.notice.paths ?? [])] },
    ];
  }
  unavailable(): ApiError {
    return new ApiError('unavailable', this.notice.message);
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

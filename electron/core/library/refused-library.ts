// What a host gets when user.sqlite was written by a newer app: the database is
// refused and left untouched, but the reader still opens. Preferences and the
// reading position live in memory for this session only; bookmarks and notes
// answer `unavailable`; the notice says why and what to do.
import { ApiError } from '../../common/api/contract';
import { makeNotice } from '../../common/api/notices';
import type { Prefs, ReadingPosition } from '../../common/api/types';
import type { Library, StartupNotice } from './library-types';
import { DEFAULT_PREFS } from '../../common/rules/prefs';
import type { NewerDatabaseError } from './user-db';

export class RefusedLibrary implements Library {
  readonly path: string;
  private prefs: Prefs = { ...DEFAULT_PREFS };
  private position: ReadingPosition | null = null;
  private readonly notice: StartupNotice;

  constructor(error: NewerDatabaseError) {
    this.path = error.path;
    this.notice = makeNotice(
      'database_too_new',
      { path: error.path, found: error.found, supported: error.supported },
      `${error.message} Until then, bookmarks and notes are unavailable and settings ` +
        'are not saved.',
      [error.path],
    );
  }

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
  startupNotices(): StartupNotice[] {
    return [
      { ...this.notice, params: { ...this.notice.params }, paths: [...(this.notice.paths ?? [])] },
    ];
  }
  /** The error every notes method answers with. */
  unavailable(): ApiError {
    return new ApiError('unavailable', this.notice.message);
  }
  close(): void {}
}

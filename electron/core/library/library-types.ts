// The reader's own data (user.sqlite in the user-data folder), as hosts see it.
// Implemented in ./library.ts; the bookmarks-and-annotations work extends it.
import type { Prefs, ReadingPosition } from '../../common/api/types';

/** Something the reader must be told about at start (e.g. a corrupt database moved aside). */
export interface StartupNotice {
  code: string;
  message: string;
  /** Files involved (moved-aside database, backup offered), for the message. */
  paths?: string[];
}

export interface Library {
  readonly path: string;
  getPrefs(): Prefs;
  /** Merges and stores; committed before it returns. */
  setPrefs(patch: Partial<Prefs>): Prefs;
  getPosition(): ReadingPosition | null;
  setPosition(position: ReadingPosition): ReadingPosition;
  startupNotices(): StartupNotice[];
  close(): void;
}

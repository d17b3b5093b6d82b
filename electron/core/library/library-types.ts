// The reader's own data (user.sqlite in the user-data folder), as hosts see it.
// Implemented in ./library.ts; the bookmarks-and-annotations work extends it.
import type { TypedNotice } from '../../common/api/notices';
import type { Prefs, ReadingPosition } from '../../common/api/types';

/**
 * Something the reader must be told about at start (e.g. a corrupt database moved
 * aside): a known code with its typed params (words per language in the renderer),
 * an English message, and the files involved.
 */
export type StartupNotice = TypedNotice;

export interface Library {
  readonly path: string;
  getPrefs(): Prefs;
  /** Merges and stores; committed before it returns. */
  setPrefs(patch: Partial<Prefs>): Prefs;
  getPosition(): ReadingPosition | null;
  setPosition(position: ReadingPosition): ReadingPosition;
  startupNotices(): StartupNotice[];
  /** True when the reader's notes cannot be changed this session (editing controls off). */
  notesReadOnly?(): boolean;
  /**
   * While another connection (an import's worker) holds the write lock: resolves when
   * it lets go. Null when writes need not wait.
   */
  writesHeld?(): Promise<void> | null;
  /** Resolves once scheduled work (automatic backups) has finished. */
  idle?(): Promise<void>;
  close(): void;
}

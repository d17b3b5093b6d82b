// What a failure of SQLite (or of the file system under it) means for the reader's
// notes. Only real damage may ever lead to moving a database aside: a file that is
// merely busy (another process holds a lock), read-only or on a full disk is sound
// and must be kept as it is. better-sqlite3 reports SQLite's extended result code as
// `err.code` (SQLITE_BUSY_SNAPSHOT, SQLITE_CORRUPT_INDEX, …); Node's file calls
// report errno names (EACCES, EROFS, …).
import { ApiError } from '../../common/api/contract';

export type SqliteFailure = 'busy' | 'damage' | 'read-only' | 'full' | 'other';

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The kind of failure behind `err`. */
export function classifySqliteError(err: unknown): SqliteFailure {
  const code = codeOf(err);
  if (/^SQLITE_(BUSY|LOCKED)(_|$)/.test(code)) return 'busy';
  if (/^SQLITE_(CORRUPT|NOTADB)(_|$)/.test(code)) return 'damage';
  if (/^SQLITE_(READONLY|PERM|AUTH)(_|$)/.test(code)) return 'read-only';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read-only';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  return 'other';
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The words every host shows when another process holds the notes database. */
export const IN_USE_MESSAGE =
  'the notes database is in use by another process (another Hakusho Reader, or a program holding a lock on it); close it and try again';

/**
 * A failed write as the contract reports it: contention is `conflict` (retry later),
 * a read-only or full disk `unavailable`, never `internal`, so no host answers a 500
 * for a condition the reader can fix.
 */
export function writeFailure(err: unknown): unknown {
  if (err instanceof ApiError) return err;
  switch (classifySqliteError(err)) {
    case 'busy':
      return new ApiError('conflict', IN_USE_MESSAGE);
    case 'read-only':
      return new ApiError(
        'unavailable',
        `the notes database cannot be written (${messageOf(err)}): it is read-only for this process`,
      );
    case 'full':
      return new ApiError('unavailable', `the disk is full: ${messageOf(err)}; nothing was saved`);
    default:
      return err;
  }
}

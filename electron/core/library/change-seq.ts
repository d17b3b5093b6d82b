// The change counters of user.sqlite, bumped in the same transaction as the change
// they count. `change_seq` counts every write, so a -wal left beside the file can be
// told from the file's own newer state (./user-db.ts). `notes_seq` counts only the
// changes of the reader's bookmarks and notes, so a backup can tell whether it
// already holds them — a saved reading position or preference never makes a backup
// necessary.
import type Database from 'better-sqlite3';

const BUMP =
  "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'change_seq'";
const BUMP_NOTES =
  "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'notes_seq'";

/** Counts one write of any kind. */
export function bumpChangeSeq(db: Database.Database): void {
  db.prepare(BUMP).run();
}

/** Counts one change of the reader's bookmarks or notes (and the write it is). */
export function bumpNotesSeq(db: Database.Database): void {
  db.prepare(BUMP).run();
  db.prepare(BUMP_NOTES).run();
}

/** The notes counter of an open database (0 before the first change). */
export function notesSeq(db: Database.Database): number {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'notes_seq'").get() as
    { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

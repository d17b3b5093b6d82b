// What the core tells the reader (a damaged notes database set aside, notes that
// lost their passage, …) as structured facts: a stable `code`, the facts of this
// case in `params`, the files involved in `paths`, and an English `message` for the
// CLI and logs. The words of each code are in the string table (../i18n/notices.ts
// builds notices with `makeNotice`, and words them in the reader's language) — the list
// of codes and their params lives here, where the core (which emits them), the string
// table and the renderer (which shows them) all see it.

/** Why a notes database (or the journal beside it) was judged damaged. */
export const DAMAGE_KINDS = [
  /** The path is not a regular file (a folder, a device). */
  'not_a_file',
  /** Zero length. */
  'empty',
  /** The first bytes are not an SQLite header (garbage, another format). */
  'bad_header',
  /** SQLite's integrity check failed (overwritten pages). */
  'integrity',
  /** The file is shorter than its own header says (cut off by a copy or a full disk). */
  'truncated',
  /** SQLite could not open or read it at all. */
  'unreadable',
  /** A -wal beside it belongs to another database. */
  'foreign_wal',
  /** A -wal beside it holds an older state (a file copied back over a newer one). */
  'older_wal',
  /** Applying the -wal beside it gives a damaged database. */
  'wal_integrity',
] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

/** The facts each notice code carries (all strings or numbers, for message templates). */
export interface NoticeParamsByCode {
  /** The database was damaged; moved aside; the newest good backup was put in its place. */
  restored_from_backup: {
    damage: DamageKind;
    /** English technical detail (SQLite's words), shown as-is. */
    detail: string;
    /** Where the damaged file now is. */
    movedTo: string;
    backupName: string;
    /** ISO time of the backup used. */
    backupCreatedAt: string;
  };
  /** The database was damaged; moved aside; no usable backup, so a new empty one started. */
  started_fresh: { damage: DamageKind; detail: string; movedTo: string };
  /** A leftover -wal did not belong to the database: moved aside, the database kept. */
  stale_wal_moved: { damage: DamageKind; detail: string; movedTo: string };
  /** user.sqlite comes from a newer app: refused untouched; notes unavailable this session. */
  database_too_new: { path: string; found: number; supported: number };
  /** After a content update, some annotations could not be placed (kept as orphans). */
  annotations_orphaned: { count: number };
  /** Imported annotations that could not be placed in this edition (kept as orphans). */
  imported_annotations_orphaned: { count: number };
  /** An automatic backup failed (the notes themselves are safe in user.sqlite). */
  backup_failed: { detail: string };
  /**
   * user.sqlite was another program's SQLite file: moved aside untouched; the newest
   * good backup was put in its place (backupName set) or a new database started ('').
   */
  foreign_database_moved: {
    detail: string;
    movedTo: string;
    backupName: string;
    backupCreatedAt: string;
  };
  /** Another process held user.sqlite longer than the reader waits: notes unavailable this session. */
  database_in_use: { path: string; detail: string };
  /** user.sqlite could not be opened for a reason that is not damage; left as it was. */
  database_unavailable: { path: string; detail: string };
  /**
   * user.sqlite or its folder is read-only for this process: the notes are shown but
   * cannot be changed this session (settings last for the session only).
   */
  database_read_only: { path: string; where: 'file' | 'folder'; detail: string };
  /**
   * The content database could not be rebuilt where it is (a read-only folder): a
   * current copy was built in the user-data folder and is used instead.
   */
  content_rebuilt_elsewhere: { original: string; usedPath: string; reason: string };
  /** Part of the content database failed its check (e.g. the search index): that part is off. */
  content_damaged: { path: string; detail: string };
}

export type NoticeCode = keyof NoticeParamsByCode;

// Every code once: a code missing here is a compile error.
const NOTICE_CODE_SET: Record<NoticeCode, true> = {
  restored_from_backup: true,
  started_fresh: true,
  stale_wal_moved: true,
  database_too_new: true,
  annotations_orphaned: true,
  imported_annotations_orphaned: true,
  backup_failed: true,
  foreign_database_moved: true,
  database_in_use: true,
  database_unavailable: true,
  database_read_only: true,
  content_rebuilt_elsewhere: true,
  content_damaged: true,
};
export const NOTICE_CODES = Object.keys(NOTICE_CODE_SET) as NoticeCode[];

/** Codes after which the reader may want to pick another backup (the backups view is offered). */
export const NOTICE_CODES_OFFERING_BACKUPS: readonly NoticeCode[] = [
  'restored_from_backup',
  'started_fresh',
  'stale_wal_moved',
  'foreign_database_moved',
];

export function isNoticeCode(code: unknown): code is NoticeCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(NOTICE_CODE_SET, code);
}

/** A notice as the core builds it: typed params for its code. */
export interface TypedNotice<C extends NoticeCode = NoticeCode> {
  code: C;
  message: string;
  paths?: string[];
  params: NoticeParamsByCode[C];
}

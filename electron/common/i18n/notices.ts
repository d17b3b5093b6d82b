// The core's notices in words, from the one string table. The core sends a code, its
// facts (`params`) and the files involved; the renderer words each known code in the
// reader's language here, and falls back to the core's English `message` for a code it
// does not know (a newer host), so nothing the reader must know is dropped. The core
// builds that English `message` (for the CLI and logs) with the same words, through
// `makeNotice`. Also the small formatters the backups view shares with the notices:
// date/time in the reader's locale, backup kinds and sizes.
import {
  isNoticeCode,
  NOTICE_CODES_OFFERING_BACKUPS,
  type DamageKind,
  type NoticeCode,
  type NoticeParamsByCode,
  type TypedNotice,
} from '../api/notices';
import type { Language, Notice } from '../api/types';
import { translate } from './format';
import type { MessageKey } from './messages';

/** What the banner shows for one notice. */
export interface NoticeView {
  text: string;
  /** A file the reader may need to find (moved-aside database, refused database), and its label. */
  file: { label: string; path: string } | null;
  /** Extra files (e.g. the -shm moved with a -wal), shown under `file`. */
  moreFiles: string[];
  /** English technical detail from SQLite, shown small (useful in a support request). */
  detail: string | null;
  /** Whether to offer the backups view (choose another backup). */
  offersBackups: boolean;
}

/** The catalogue entry for each code: a compile error when a code has no text. */
export const NOTICE_KEYS: Record<NoticeCode, MessageKey> = {
  restored_from_backup: 'noticeRestoredFromBackup',
  started_fresh: 'noticeStartedFresh',
  stale_wal_moved: 'noticeStaleWalMoved',
  database_too_new: 'noticeDatabaseTooNew',
  annotations_orphaned: 'noticeAnnotationsOrphaned',
  imported_annotations_orphaned: 'noticeImportedOrphaned',
  backup_failed: 'noticeBackupFailed',
  foreign_database_moved: 'noticeForeignDatabaseRestored',
  database_in_use: 'noticeDatabaseInUse',
  database_unavailable: 'noticeDatabaseUnavailable',
  database_read_only: 'noticeDatabaseReadOnly',
  content_rebuilt_elsewhere: 'noticeContentRebuiltElsewhere',
  content_damaged: 'noticeContentDamaged',
};

export const DAMAGE_KEYS: Record<DamageKind, MessageKey> = {
  not_a_file: 'damageNotAFile',
  empty: 'damageEmpty',
  bad_header: 'damageBadHeader',
  integrity: 'damageIntegrity',
  truncated: 'damageTruncated',
  unreadable: 'damageUnreadable',
  foreign_wal: 'damageForeignWal',
  older_wal: 'damageOlderWal',
  wal_integrity: 'damageWalIntegrity',
};

const REASON_KEYS: Record<string, MessageKey> = {
  start: 'reasonStart',
  auto: 'reasonAuto',
  manual: 'reasonManual',
  'pre-restore': 'reasonPreRestore',
  'pre-import': 'reasonPreImport',
};

/** The locale dates are written in: Japanese, or the reader's own English locale. */
export function localeFor(language: Language, browserLocale?: string): string {
  if (language === 'ja') return 'ja-JP';
  return browserLocale && /^en\b/i.test(browserLocale) ? browserLocale : 'en-US';
}

/** An ISO time as the reader reads dates (local time zone unless one is given). */
export function formatDateTime(
  iso: string,
  language: Language,
  options: { locale?: string; timeZone?: string } = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(options.locale ?? localeFor(language), {
    dateStyle: 'medium',
    timeStyle: 'medium',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

/** Why a backup was taken, in words; an unknown kind is shown as stored. */
export function backupReasonText(reason: string, language: Language): string {
  const key = Object.prototype.hasOwnProperty.call(REASON_KEYS, reason)
    ? REASON_KEYS[reason]
    : undefined;
  return key ? translate(language, key) : reason;
}

/** A file size: bytes below 1 KB, then KB / MB with one decimal when small. */
export function formatBytes(bytes: number, language: Language): string {
  const locale = localeFor(language);
  if (bytes < 1024) return `${new Intl.NumberFormat(locale).format(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

function param(notice: Notice, name: string): string {
  const value = notice.params?.[name];
  return value === undefined ? '' : String(value);
}

function damageText(notice: Notice, language: Language): string {
  const damage = param(notice, 'damage');
  const key = Object.prototype.hasOwnProperty.call(DAMAGE_KEYS, damage)
    ? DAMAGE_KEYS[damage as DamageKind]
    : undefined;
  return key ? translate(language, key) : param(notice, 'detail') || '?';
}

/** The banner text of a notice in `language`. */
export function noticeView(
  notice: Notice,
  language: Language,
  options: { locale?: string; timeZone?: string } = {},
): NoticeView {
  const paths = notice.paths ?? [];
  if (!isNoticeCode(notice.code) || !notice.params) {
    return {
      text: notice.message,
      file: paths[0] ? { label: translate(language, 'noticeFile'), path: paths[0] } : null,
      moreFiles: paths.slice(1),
      detail: null,
      offersBackups: false,
    };
  }
  const code = notice.code;
  const detail = param(notice, 'detail') || null;
  const offersBackups = NOTICE_CODES_OFFERING_BACKUPS.includes(code);
  const key = NOTICE_KEYS[code];
  /** The view of this notice: `text`, `file`, and no more files or detail unless given. */
  const view = (
    text: string,
    file: NoticeView['file'],
    more: Partial<Pick<NoticeView, 'moreFiles' | 'detail'>> = {},
  ): NoticeView => ({
    text,
    file,
    moreFiles: more.moreFiles ?? [],
    detail: more.detail ?? null,
    offersBackups,
  });
  /** The file named by the param `name` (the database's path, unless said). */
  const fileOf = (name = 'path'): NoticeView['file'] => ({
    label: translate(language, 'noticeFile'),
    path: param(notice, name),
  });
  /** A moved-aside database (with its -wal/-shm), when it was moved. */
  const movedAside = (text: string): NoticeView => {
    const movedTo = param(notice, 'movedTo');
    return view(
      text,
      movedTo ? { label: translate(language, 'noticeMovedTo'), path: movedTo } : null,
      {
        // The -wal/-shm moved with it (the backup used is a path of its own: not listed).
        moreFiles: paths.filter((p) => p !== movedTo && /-(wal|shm)$/.test(p)),
        detail,
      },
    );
  };
  const backupTime = (): string =>
    formatDateTime(param(notice, 'backupCreatedAt'), language, options);
  switch (code) {
    case 'restored_from_backup':
    case 'started_fresh':
    case 'stale_wal_moved':
      return movedAside(
        translate(language, key, {
          damage: damageText(notice, language),
          backupTime: backupTime(),
        }),
      );
    case 'database_too_new':
      return view(
        translate(language, key, {
          found: param(notice, 'found'),
          supported: param(notice, 'supported'),
        }),
        fileOf(),
      );
    case 'annotations_orphaned':
    case 'imported_annotations_orphaned':
      return view(translate(language, key, { count: param(notice, 'count') }), null);
    case 'backup_failed':
      return view(translate(language, key, { detail: detail ?? '' }), null);
    case 'foreign_database_moved': {
      const restored = param(notice, 'backupName') !== '';
      return movedAside(
        translate(language, restored ? key : 'noticeForeignDatabaseFresh', {
          backupTime: backupTime(),
        }),
      );
    }
    case 'database_in_use':
    case 'database_unavailable':
      return view(translate(language, key, { detail: detail ?? '' }), fileOf(), {
        detail: code === 'database_in_use' ? detail : null,
      });
    case 'database_read_only':
      return view(
        translate(language, key, {
          where: translate(
            language,
            param(notice, 'where') === 'folder' ? 'noticeReadOnlyFolder' : 'noticeReadOnlyFile',
          ),
        }),
        fileOf(),
        { detail },
      );
    case 'content_rebuilt_elsewhere':
      return view(
        translate(language, key, { reason: param(notice, 'reason') }),
        fileOf('usedPath'),
      );
    case 'content_damaged':
      return view(translate(language, key, { detail: detail ?? '' }), fileOf());
  }
}

/**
 * The English text of a notice for the CLI and logs: the banner's words, then the file
 * involved and SQLite's own detail, one per line.
 */
export function noticeMessage(notice: Omit<Notice, 'message'>): string {
  const view = noticeView({ ...notice, message: '' }, 'en');
  const lines = [view.text];
  if (view.file)
    lines.push(`${view.file.label}: ${[view.file.path, ...view.moreFiles].join(', ')}`);
  if (view.detail) lines.push(`${translate('en', 'noticeDetail')}: ${view.detail}`);
  return lines.join('\n');
}

/** A notice as the core builds it: typed params for its code, worded in English. */
export function makeNotice<C extends NoticeCode>(
  code: C,
  params: NoticeParamsByCode[C],
  paths?: string[],
): TypedNotice<C> {
  const facts = { code, params, ...(paths ? { paths } : {}) };
  return { ...facts, message: noticeMessage(facts) };
}

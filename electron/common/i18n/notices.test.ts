import { describe, expect, it } from 'vitest';
import {
  DAMAGE_KINDS,
  NOTICE_CODES,
  type NoticeCode,
  type NoticeParamsByCode,
} from '../api/notices';
import type { Notice } from '../api/types';
import { messages } from './messages';
import {
  backupReasonText,
  DAMAGE_KEYS,
  formatBytes,
  formatDateTime,
  makeNotice,
  NOTICE_KEYS,
  noticeView,
} from './notices';

const MOVED = '/home/a/.config/Hakusho Reader/damaged/user-20260101T000000000Z.sqlite';

/** One realistic notice per code, as the core builds it. */
const samples: { [C in NoticeCode]: NoticeParamsByCode[C] } = {
  restored_from_backup: {
    damage: 'bad_header',
    detail: 'the file header is not an SQLite header',
    movedTo: MOVED,
    backupName: 'user-20260101T020304005Z-auto.sqlite',
    backupCreatedAt: '2026-01-01T02:03:04.005Z',
  },
  started_fresh: { damage: 'empty', detail: 'the file is empty (zero length)', movedTo: MOVED },
  stale_wal_moved: {
    damage: 'foreign_wal',
    detail: 'the -wal file belongs to another database',
    movedTo: `${MOVED}-wal`,
  },
  database_too_new: { path: '/p/user.sqlite', found: 9, supported: 3 },
  annotations_orphaned: { count: 4 },
  imported_annotations_orphaned: { count: 2 },
  backup_failed: { detail: 'ENOSPC: no space left on device' },
  foreign_database_moved: {
    detail: 'it holds 3 schema object(s) but no Hakusho Reader schema version',
    movedTo: MOVED,
    backupName: '',
    backupCreatedAt: '',
  },
  database_in_use: { path: '/p/user.sqlite', detail: 'database is locked' },
  database_unavailable: { path: '/p/user.sqlite', detail: 'EIO: i/o error' },
  database_read_only: { path: '/p/user.sqlite', where: 'folder', detail: 'EPERM' },
  content_rebuilt_elsewhere: {
    original: '/opt/data/content.sqlite',
    usedPath: '/p/content/content.sqlite',
    reason: 'source changed',
  },
  content_damaged: { path: '/opt/data/content.sqlite', detail: 'search-index: checksum mismatch' },
};

function sample(code: NoticeCode): Notice {
  const params = samples[code] as Record<string, string | number>;
  const paths =
    code === 'database_too_new' ? ['/p/user.sqlite'] : 'movedTo' in params ? [MOVED] : undefined;
  return makeNotice(code, params as never, paths);
}

describe('notices in the reader’s language', () => {
  it('every notice code and damage kind has a Japanese and an English text', () => {
    for (const code of NOTICE_CODES) {
      const key = NOTICE_KEYS[code];
      expect(messages.ja[key], code).toMatch(/\S/);
      expect(messages.en[key], code).toMatch(/\S/);
      expect(messages.ja[key]).not.toBe(messages.en[key]);
    }
    for (const kind of DAMAGE_KINDS) {
      expect(messages.ja[DAMAGE_KEYS[kind]], kind).toMatch(/\S/);
      expect(messages.en[DAMAGE_KEYS[kind]], kind).toMatch(/\S/);
    }
  });

  it('fills every placeholder from the params, in both languages', () => {
    for (const code of NOTICE_CODES) {
      for (const lang of ['ja', 'en'] as const) {
        const view = noticeView(sample(code), lang, { timeZone: 'UTC' });
        expect(view.text, `${lang} ${code}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('says what happened to a damaged database and where the old file is', () => {
    const ja = noticeView(sample('restored_from_backup'), 'ja', { timeZone: 'UTC' });
    expect(ja.text).toContain('SQLite の形式ではありません');
    expect(ja.text).toContain('2026/01/01 2:03:04');
    expect(ja.file).toEqual({ label: '移動先', path: MOVED });
    expect(ja.detail).toBe('the file header is not an SQLite header');
    expect(ja.offersBackups).toBe(true);
    const en = noticeView(sample('restored_from_backup'), 'en', { timeZone: 'UTC' });
    expect(en.text).toContain('not in SQLite format');
    expect(en.text).toContain('Jan 1, 2026, 2:03:04');
    expect(en.file).toEqual({ label: 'Moved to', path: MOVED });

    expect(noticeView(sample('started_fresh'), 'ja').text).toContain('新しい空のデータベース');
    expect(noticeView(sample('started_fresh'), 'ja').offersBackups).toBe(true);
    expect(noticeView(sample('stale_wal_moved'), 'en').file?.path).toBe(`${MOVED}-wal`);
  });

  it('names the refused file and the versions of a too-new database, without offering backups', () => {
    const view = noticeView(sample('database_too_new'), 'ja');
    expect(view.text).toContain('形式 9');
    expect(view.text).toContain('3 まで');
    expect(view.file?.path).toBe('/p/user.sqlite');
    expect(view.offersBackups).toBe(false);
  });

  it('counts orphaned notes', () => {
    expect(noticeView(sample('annotations_orphaned'), 'ja').text).toContain('メモ 4 件');
    expect(noticeView(sample('imported_annotations_orphaned'), 'en').text).toContain('2 imported');
  });

  it('falls back to the core’s message (and its paths) for an unknown code', () => {
    const view = noticeView(
      { code: 'something_new', message: 'A newer host says this.', paths: ['/x', '/y'] },
      'ja',
    );
    expect(view.text).toBe('A newer host says this.');
    expect(view.file).toEqual({ label: 'ファイル', path: '/x' });
    expect(view.moreFiles).toEqual(['/y']);
    expect(view.offersBackups).toBe(false);
    // A known code from an older host without params is not guessed at either.
    expect(noticeView({ code: 'started_fresh', message: 'old host' }, 'en').text).toBe('old host');
  });
});

describe('the English message the core puts in a notice (CLI, logs)', () => {
  it('is the English banner text with the file involved and the technical detail', () => {
    const notice = sample('started_fresh');
    expect(notice.message).toBe(
      [
        noticeView(notice, 'en').text,
        `Moved to: ${MOVED}`,
        'Technical detail: the file is empty (zero length)',
      ].join('\n'),
    );
    expect(notice.message).toContain('the file was empty');
  });

  it('words every code without a placeholder left, and says how many notes were orphaned', () => {
    for (const code of NOTICE_CODES) expect(sample(code).message, code).not.toMatch(/[{}]/);
    expect(sample('annotations_orphaned').message).toContain('the passages of 4 notes');
    expect(makeNotice('annotations_orphaned', { count: 1 }).message).toContain(
      'the passage of 1 note could',
    );
    expect(sample('database_too_new').message).toContain('File: /p/user.sqlite');
  });
});

describe('backup formatting', () => {
  it('writes dates in the reader’s locale', () => {
    expect(formatDateTime('2026-11-27T00:26:44.123Z', 'ja', { timeZone: 'Asia/Tokyo' })).toBe(
      '2026/11/27 9:26:44',
    );
    expect(
      formatDateTime('2026-11-27T00:26:44.123Z', 'en', { locale: 'en-GB', timeZone: 'UTC' }),
    ).toBe('27 Nov 2026, 00:26:44');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });

  it('names every backup kind, keeps unknown ones as stored', () => {
    for (const reason of ['start', 'auto', 'manual', 'pre-restore', 'pre-import'])
      expect(backupReasonText(reason, 'ja')).not.toBe(reason);
    expect(backupReasonText('pre-restore', 'ja')).toBe('復元の前');
    expect(backupReasonText('pre-restore', 'en')).toBe('Before a restore');
    expect(backupReasonText('future', 'en')).toBe('future');
    expect(backupReasonText('__proto__', 'en')).toBe('__proto__');
  });

  it('writes sizes compactly', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(49_152, 'en')).toBe('48 KB');
    expect(formatBytes(1536, 'ja')).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024, 'en')).toBe('5 MB');
  });
});

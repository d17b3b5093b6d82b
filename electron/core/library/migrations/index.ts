// The ordered list of user.sqlite migrations. Append only: a released migration
// is never edited (its test migrates a frozen fixture of the version before).
import type Database from 'better-sqlite3';
import { migration001 } from './001-prefs';
import { migration002 } from './002-bookmarks';
import { migration003 } from './003-annotations';
import { migration004 } from './004-bookmark-positions';
import { migration005 } from './005-annotation-groups';
import { migration006 } from './006-anchor-cache';
import { migration007 } from './007-import-conflicts';
import { migration008 } from './008-notes-counter';
import { migration009 } from './009-library-documents';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
];

/** The schema version this build of the app writes. */
export const LATEST_VERSION = migrations.length;

/**
 * Applies every migration above the database's user_version, each in its own
 * transaction together with the new user_version (a crash leaves the database at
 * a whole version). `upTo` stops early (tests build fixtures of older versions).
 */
export function applyMigrations(db: Database.Database, upTo = LATEST_VERSION): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > upTo) continue;
    if (migration.version !== current + 1)
      throw new Error(`migration ${migration.version} cannot follow version ${current}`);
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    current = migration.version;
  }
  return current;
}

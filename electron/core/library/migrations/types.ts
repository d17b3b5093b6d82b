// The shape of one numbered schema migration of user.sqlite.
import type Database from 'better-sqlite3';

export interface Migration {
  /** The user_version the database has once this migration is applied (1, 2, 3 …). */
  version: number;
  name: string;
  /** Runs inside the migration's transaction; never commits on its own. */
  up(db: Database.Database): void;
}

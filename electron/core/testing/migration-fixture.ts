// Test support for migrations: a user-data folder whose user.sqlite is a frozen
// fixture of an older version (`sql` run in one go, then user_version set), and
// the list of folders to remove after each test.
import path from 'node:path';
import { openDatabase } from '../sqlite';
import { removeDir, tempUserDataDir } from './user-data';

export function migrationFixtures() {
  const dirs: string[] = [];
  return {
    /** A folder holding user.sqlite at `version`, made of `sql`. */
    at(sql: string, version: number): string {
      const dir = tempUserDataDir();
      dirs.push(dir);
      const db = openDatabase(path.join(dir, 'user.sqlite'));
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
      db.close();
      return dir;
    },
    removeAll(): void {
      for (const dir of dirs.splice(0)) removeDir(dir);
    },
  };
}

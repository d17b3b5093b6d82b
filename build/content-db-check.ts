// Checks the content database as it would ship (resources/content.sqlite): a
// sound SQLite file that opens read-only from a read-only folder (so not in WAL
// mode, which needs a writable -shm beside it), read-only on disk, and carrying
// its search index. Used by `npm run dist:check`.
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { CheckResult } from './ship-rules';

/** SQLite header bytes 18/19: 1 = rollback journal, 2 = WAL. */
export function sqliteJournalFormat(header: Uint8Array): 'rollback' | 'wal' | 'not-sqlite' {
  const magic = Buffer.from(header.subarray(0, 16)).toString('latin1');
  if (magic !== 'SQLite format 3\u0000') return 'not-sqlite';
  return header[18] === 2 || header[19] === 2 ? 'wal' : 'rollback';
}

/** Names of stored build artifacts that look like the search index. */
export function searchIndexArtifacts(names: string[]): string[] {
  return names.filter((n) => /search|lunr|index/i.test(n));
}

/**
 * @param required the artifacts the app needs at run time (names of the registered
 *   `artifactBuilders`); when none are registered yet, any artifact named like a
 *   search index will do.
 */
export function checkContentDb(
  file: string,
  header: Uint8Array,
  required: string[] = [],
): CheckResult[] {
  const results: CheckResult[] = [];
  const format = sqliteJournalFormat(header);
  if (format === 'not-sqlite')
    return [{ level: 'fail', name: 'content database file', detail: `${file} is not SQLite` }];
  if (format === 'wal')
    results.push({
      level: 'fail',
      name: 'content database file',
      detail: 'in WAL mode: a read-only open from a read-only install folder fails (needs -shm)',
    });
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    results.push(
      mode & 0o222
        ? { level: 'fail', name: 'content database mode', detail: `writable (${mode.toString(8)})` }
        : {
            level: 'pass',
            name: 'content database mode',
            detail: `read-only (${mode.toString(8)})`,
          },
    );
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    if (check !== 'ok') {
      results.push({
        level: 'fail',
        name: 'content database file',
        detail: `quick_check: ${String(check)}`,
      });
    } else if (format === 'rollback') {
      results.push({
        level: 'pass',
        name: 'content database file',
        detail: `SQLite, rollback journal, quick_check ok, ${tables.length} tables`,
      });
    }
    const artifactTable = tables.find((t) => /artifact/i.test(t));
    const names =
      artifactTable === undefined
        ? []
        : (db.prepare(`SELECT name FROM "${artifactTable}"`).all() as { name: string }[]).map(
            (r) => r.name,
          );
    const stored = names.join(', ') || 'none';
    if (required.length > 0) {
      const missing = required.filter((n) => !names.includes(n));
      results.push(
        missing.length > 0
          ? {
              level: 'fail',
              name: 'search index',
              detail: `content DB lacks artifacts ${missing.join(', ')} (stored: ${stored})`,
            }
          : {
              level: 'pass',
              name: 'search index',
              detail: `every registered artifact stored in the content DB (${required.join(', ')})`,
            },
      );
    } else {
      const index = searchIndexArtifacts(names);
      results.push(
        index.length > 0
          ? {
              level: 'pass',
              name: 'search index',
              detail: `stored in the content DB (${index.join(', ')})`,
            }
          : {
              level: 'fail',
              name: 'search index',
              detail: `no search index artifact in the content DB (artifacts: ${stored})`,
            },
      );
    }
  } finally {
    db.close();
  }
  return results;
}

import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContentDb, searchIndexArtifacts, sqliteJournalFormat } from './content-db-check';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function makeDb(opts: { wal?: boolean; artifact?: string }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hakusho-dbcheck-'));
  dirs.push(dir);
  const file = path.join(dir, 'content.sqlite');
  const db = new Database(file);
  if (opts.wal) db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE artifact (name TEXT PRIMARY KEY, version TEXT, body TEXT)');
  if (opts.artifact)
    db.prepare('INSERT INTO artifact VALUES (?, ?, ?)').run(opts.artifact, '1', '{}');
  db.close();
  chmodSync(file, 0o444);
  return file;
}

const head = (file: string) => readFileSync(file).subarray(0, 100);

describe('checkContentDb', () => {
  it('passes a read-only rollback-journal DB carrying its search index', () => {
    const file = makeDb({ artifact: 'search-index' });
    const results = checkContentDb(file, head(file));
    expect(results.filter((r) => r.level === 'fail')).toEqual([]);
    expect(results.map((r) => r.name)).toContain('search index');
  });

  it('fails a DB in WAL mode and one without its index', () => {
    const file = makeDb({ wal: true });
    const fails = checkContentDb(file, head(file)).filter((r) => r.level === 'fail');
    expect(fails.map((r) => r.name)).toEqual(['content database file', 'search index']);
    expect(fails[0]?.detail).toMatch(/WAL/);
  });

  it('fails something that is not SQLite', () => {
    expect(sqliteJournalFormat(new TextEncoder().encode('hello'))).toBe('not-sqlite');
  });

  it.runIf(process.platform !== 'win32')('fails a writable file', () => {
    const file = makeDb({ artifact: 'search-index' });
    chmodSync(file, 0o644);
    const fails = checkContentDb(file, head(file)).filter((r) => r.level === 'fail');
    expect(fails.map((r) => r.name)).toEqual(['content database mode']);
  });

  it('requires every registered artifact by name when builders are registered', () => {
    const file = makeDb({ artifact: 'search-index' });
    const fail = checkContentDb(file, head(file), ['search-index', 'outline']).filter(
      (r) => r.level === 'fail',
    );
    expect(fail.map((r) => r.detail)).toEqual([
      'content DB lacks artifacts outline (stored: search-index)',
    ]);
  });

  it('recognises index artifacts by name', () => {
    expect(searchIndexArtifacts(['lunr-index', 'toc', 'search'])).toEqual(['lunr-index', 'search']);
  });
});

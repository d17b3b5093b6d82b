// The shipped-content-DB check against real databases built by the content builder.
import { chmodSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildContentDb } from '../electron/core/ingest/build';
import { makeTempContent } from '../electron/core/testing/temp-content';
import type { TempContent } from '../electron/core/testing/temp-content';
import { checkContentDb, sqliteJournalFormat } from './content-db-check';

const INDEX = { name: 'search-index', version: '3' };
const temps: TempContent[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});

function builtDb(opts: { wal?: boolean; version?: string } = {}): string {
  const temp = makeTempContent();
  temps.push(temp);
  const version = opts.version ?? INDEX.version;
  buildContentDb({
    inputs: temp.inputs,
    dbPath: temp.dbPath,
    builders: [
      { name: INDEX.name, version, build: () => ({ name: INDEX.name, version, body: '{}' }) },
    ],
  });
  if (opts.wal) {
    const db = new Database(temp.dbPath);
    db.pragma('journal_mode = WAL');
    db.close();
  }
  chmodSync(temp.dbPath, 0o444);
  return temp.dbPath;
}

const head = (file: string) => readFileSync(file).subarray(0, 100);
const failures = (file: string, required = [INDEX]) =>
  checkContentDb(file, head(file), required).filter((r) => r.level === 'fail');

describe('checkContentDb', () => {
  it('passes a read-only database from the content builder carrying its index', () => {
    const file = builtDb();
    const results = checkContentDb(file, head(file), [INDEX]);
    expect(results.filter((r) => r.level === 'fail')).toEqual([]);
    expect(results.find((r) => r.name === 'content database store')?.detail).toMatch(
      /openContentStore: .+, \d+ sections/,
    );
  });

  it('fails a database in WAL mode', () => {
    const fail = failures(builtDb({ wal: true }));
    expect(fail.map((r) => r.name)).toEqual(['content database file']);
    expect(fail[0]?.detail).toMatch(/WAL/);
  });

  it('fails when the index is missing, stale, or no builder is registered', () => {
    const file = builtDb({ version: '2' });
    expect(failures(file).map((r) => r.detail)).toEqual([
      'search-index is version 2, the app expects 3 (rebuild: npm run build:content)',
    ]);
    expect(failures(file, [INDEX, { name: 'outline', version: '1' }])[0]?.detail).toMatch(
      /outline missing/,
    );
    expect(failures(file, [])[0]?.detail).toMatch(/no artifact builder is registered/);
  });

  it.runIf(process.platform !== 'win32')('fails a writable file', () => {
    const file = builtDb();
    chmodSync(file, 0o644);
    expect(failures(file).map((r) => r.name)).toEqual(['content database mode']);
  });

  it('fails a file that is not SQLite, or a SQLite file that is not a content DB', () => {
    expect(sqliteJournalFormat(new TextEncoder().encode('hello'))).toBe('not-sqlite');
    const file = builtDb();
    chmodSync(file, 0o644);
    const db = new Database(file);
    db.exec('DELETE FROM meta');
    db.close();
    chmodSync(file, 0o444);
    expect(failures(file)[0]?.name).toBe('content database store');
  });
});

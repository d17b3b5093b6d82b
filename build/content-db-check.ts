// Checks the content database as it would ship (resources/content.sqlite): a
// sound SQLite file that opens read-only from a read-only folder (so not in WAL
// mode, which needs a writable -shm beside it), read-only on disk, readable by
// the app's own store (openContentStore), and carrying every artifact the app
// needs at run time — the search index first — at the version the code expects.
// Used by `npm run dist:check`.
import { statSync } from 'node:fs';
import { openContentStore } from '../electron/core/content/store';
import { openDatabase } from '../electron/core/sqlite';
import type { CheckResult } from './ship-rules';

/** SQLite header bytes 18/19: 1 = rollback journal, 2 = WAL. */
export function sqliteJournalFormat(header: Uint8Array): 'rollback' | 'wal' | 'not-sqlite' {
  const magic = Buffer.from(header.subarray(0, 16)).toString('latin1');
  if (magic !== 'SQLite format 3\u0000') return 'not-sqlite';
  return header[18] === 2 || header[19] === 2 ? 'wal' : 'rollback';
}

/** An artifact the app reads at run time (from electron/core/content/artifacts.ts). */
export interface RequiredArtifact {
  name: string;
  version?: string;
}

function fail(name: string, detail: string): CheckResult {
  return { level: 'fail', name, detail };
}
function pass(name: string, detail: string): CheckResult {
  return { level: 'pass', name, detail };
}

/**
 * @param required the registered artifact builders; none registered means the
 *   search index is not built into the content DB, which is itself a failure.
 */
export function checkContentDb(
  file: string,
  header: Uint8Array,
  required: RequiredArtifact[],
): CheckResult[] {
  const results: CheckResult[] = [];
  const format = sqliteJournalFormat(header);
  if (format === 'not-sqlite') return [fail('content database file', `${file} is not SQLite`)];
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    results.push(
      mode & 0o222
        ? fail('content database mode', `writable (${mode.toString(8)})`)
        : pass('content database mode', `read-only (${mode.toString(8)})`),
    );
  }
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      results.push(fail('content database file', `quick_check: ${String(check)}`));
    else if (format === 'wal')
      results.push(
        fail(
          'content database file',
          'in WAL mode: a read-only open from a read-only install folder fails (needs -shm)',
        ),
      );
    else results.push(pass('content database file', 'SQLite, rollback journal, quick_check ok'));
  } finally {
    db.close();
  }

  let store;
  try {
    store = openContentStore(file);
  } catch (err) {
    results.push(fail('content database store', (err as Error).message));
    return results;
  }
  try {
    const doc = store.document();
    const toc = store.toc();
    results.push(
      toc.length > 0
        ? pass(
            'content database store',
            `opens with openContentStore: ${doc.title}, ${toc.length} sections`,
          )
        : fail('content database store', 'opens, but has no sections'),
    );
    if (required.length === 0) {
      results.push(
        fail(
          'search index',
          'no artifact builder is registered (electron/core/content/artifacts.ts): the content DB carries no search index',
        ),
      );
      return results;
    }
    const problems: string[] = [];
    for (const want of required) {
      const got = store.artifact(want.name);
      if (got === null) problems.push(`${want.name} missing`);
      else if (want.version !== undefined && got.version !== want.version)
        problems.push(`${want.name} is version ${got.version}, the app expects ${want.version}`);
    }
    results.push(
      problems.length > 0
        ? fail('search index', `${problems.join('; ')} (rebuild: npm run build:content)`)
        : pass(
            'search index',
            `in the content DB: ${required.map((r) => `${r.name}${r.version ? ` (version ${r.version})` : ''}`).join(', ')}`,
          ),
    );
  } finally {
    store.close();
  }
  return results;
}

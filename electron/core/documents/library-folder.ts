// The library/ folder's housekeeping, apart from the documents' handlers (./library.ts):
// which databases a restore must point rows at, and what interrupted work left behind.
//
// Restoring a backup of user.sqlite brings back the list of its day. A row of that list
// may name an edition's database that a newer import has since replaced; the list saved
// just before the restore (the 'pre-restore' backup) names the current one, so the row is
// pointed at it. And no database that any backup's list names is swept away, so undoing
// a restore finds every document imported since.
import fs from 'node:fs';
import path from 'node:path';
import { isTempName } from '../files/atomic-write';
import type { SqliteLibrary } from '../library/library';
import { documentRowsOf, type DocumentRegistry, type DocumentRow } from './registry';

/** A file in library/ that no document names is deleted once it is this old (ms). */
const STRAY_FILE_AGE_MS = 60 * 60 * 1000;

/** Whether a document's database is no longer in library/. */
export function databaseMissing(dir: string, row: DocumentRow): boolean {
  return !fs.existsSync(path.join(dir, row.file));
}

/**
 * Points every live row whose database is gone at the edition the pre-restore list names
 * (when that database is still there). Returns the ids relinked, and those left with no
 * database (importing the file again brings them back, with their notes).
 */
export function relinkAfterRestore(
  library: SqliteLibrary,
  registry: DocumentRegistry,
  dir: string,
): { relinked: string[]; missing: string[] } {
  const before = library
    .listBackups()
    .filter((b) => b.reason === 'pre-restore')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const current = new Map(
    (before ? documentRowsOf(before.path) : [])
      .filter((r) => r.removedAt === null)
      .map((r) => [r.id, r]),
  );
  const relinked: string[] = [];
  const missing: string[] = [];
  for (const row of registry.list(false)) {
    if (!databaseMissing(dir, row)) continue;
    const edition = current.get(row.id);
    if (edition && !databaseMissing(dir, edition)) {
      registry.relink(row.id, edition);
      relinked.push(row.id);
    } else missing.push(row.id);
  }
  return { relinked, missing };
}

/** The databases the lists of the reader's backups name (a restore may need them). */
function filesNamedByBackups(library: SqliteLibrary): Set<string> {
  const named = new Set<string>();
  for (const backup of library.listBackups())
    for (const row of documentRowsOf(backup.path)) named.add(row.file);
  return named;
}

/**
 * Removes what interrupted work left in library/: temp files of processes that are
 * gone, and databases that no document — nor any backup's list — names and that are
 * older than an hour (a crash between writing one and adding its row; an hour leaves
 * another instance's import alone).
 */
export function sweepLibraryFolder(
  dir: string,
  live: ReadonlySet<string>,
  library: SqliteLibrary,
): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  let named: Set<string> | null = null;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (isTempName(name)) {
        const pid = Number(/\.tmp-(\d+)-/.exec(name)?.[1]);
        if (pid !== process.pid && !alive(pid)) fs.rmSync(file, { force: true });
      } else if (name.endsWith('.sqlite') && !live.has(name)) {
        if (Date.now() - fs.statSync(file).mtimeMs <= STRAY_FILE_AGE_MS) continue;
        named ??= filesNamedByBackups(library);
        if (!named.has(name)) fs.rmSync(file, { force: true });
      }
    } catch {
      // A file that cannot be checked stays.
    }
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a folder if it is empty (a first import that failed leaves none behind). */
export function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not empty (another import wrote to it meanwhile), or gone: leave it.
  }
}

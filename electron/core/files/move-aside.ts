// Damaged or replaced files are moved aside, never deleted: a database together
// with its -wal and -shm goes into a folder under one stamped name, so the set
// stays recognisable, and a second move in the same millisecond gets a numbered
// name instead of overwriting the first.
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './atomic-write';

/** A database file and the journal files SQLite keeps beside it. */
export const SQLITE_FILE_SET = ['', '-wal', '-shm'] as const;

/** A timestamp usable in file names and sortable as text: 20261127T002644123Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/**
 * Moves `file + suffix` for each suffix that exists into `intoDir`, as
 * `<name>-<stamp>[-n]<ext><suffix>` with one `n` for the whole set (the first free
 * one); returns the new paths, in `suffixes` order.
 */
export function moveAside(
  file: string,
  intoDir: string,
  stamp: string,
  suffixes: readonly string[] = SQLITE_FILE_SET,
): string[] {
  const present = suffixes.filter((suffix) => fs.existsSync(file + suffix));
  if (present.length === 0) return [];
  fs.mkdirSync(intoDir, { recursive: true });
  const ext = path.extname(file);
  const base = path.basename(file, ext);
  const nameFor = (n: number, suffix: string): string =>
    path.join(intoDir, `${base}-${stamp}${n > 1 ? `-${n}` : ''}${ext}${suffix}`);
  let n = 1;
  while (suffixes.some((suffix) => fs.existsSync(nameFor(n, suffix)))) n += 1;
  const moved: string[] = [];
  for (const suffix of present) {
    const to = nameFor(n, suffix);
    fs.renameSync(file + suffix, to);
    moved.push(to);
  }
  fsyncDir(intoDir);
  fsyncDir(path.dirname(file));
  return moved;
}

// The one way the core replaces a file: the new content is written aside in the
// same folder (same file system, so rename is atomic) under a unique temporary
// name, flushed to disk, renamed over the old one, and the folder is flushed so
// the rename itself survives a power cut. Readers see the old file or the new one,
// never a half-written one; a failure at any step before the rename leaves the old
// file byte-identical and removes the temporary file (and any SQLite journal a
// database written there left beside it). Used for the content database, the
// reader's backups, exports, restored databases and the window state.
// A missing folder is an error unless the caller says the folder is its own to make
// (createFolders): a path typed by the reader (`export --out`, `--content`) never
// makes folders appear elsewhere on the disk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Files SQLite may create beside a database written to the temporary name. */
const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** A fresh temporary name beside `target` (`<target>.tmp-<pid>-<random>`). */
export function tempPathFor(target: string): string {
  return `${target}.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`;
}

/** True for a name tempPathFor() makes (a leftover of a process that died mid-write). */
export function isTempName(name: string): boolean {
  return /\.tmp-\d+-[0-9a-f]+(?:-wal|-shm|-journal)?$/.test(name);
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a folder's entries (renames, new files); best effort where folders cannot be opened (Windows). */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic.
  } finally {
    fs.closeSync(fd);
  }
}

export interface AtomicWriteOptions {
  /**
   * Create the target's missing folders (default false). Only for folders the
   * caller owns: the user-data folder, the project's own build folders.
   */
  createFolders?: boolean;
}

function prepare(target: string, options: AtomicWriteOptions): string {
  const dir = path.dirname(target);
  if (options.createFolders) fs.mkdirSync(dir, { recursive: true });
  else if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw Object.assign(new Error(`the folder ${dir} does not exist`), { code: 'ENOENT' });
  return tempPathFor(target);
}

function commit(temp: string, target: string): void {
  fsyncFile(temp);
  fs.renameSync(temp, target);
  fsyncDir(path.dirname(target));
}

function discard(temp: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) fs.rmSync(temp + suffix, { force: true });
}

/**
 * Calls `write(tempPath)` to create the new file, then flushes and renames it onto
 * `target`. On any failure the temporary file is removed and the error rethrown.
 */
export function replaceFileAtomically(
  target: string,
  write: (tempPath: string) => void,
  options: AtomicWriteOptions = {},
): void {
  const temp = prepare(target, options);
  try {
    write(temp);
    commit(temp, target);
  } catch (err) {
    discard(temp);
    throw err;
  }
}

/** replaceFileAtomically() for a writer that is asynchronous (SQLite's online backup). */
export async function replaceFileAtomicallyAsync(
  target: string,
  write: (tempPath: string) => Promise<void>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = prepare(target, options);
  try {
    await write(temp);
    commit(temp, target);
  } catch (err) {
    discard(temp);
    throw err;
  }
}

/** Replaces `target` by `data` (text as UTF-8). */
export function writeFileAtomically(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  replaceFileAtomically(target, (temp) => fs.writeFileSync(temp, data, { flag: 'wx' }), options);
}

/** Replaces `target` by a copy of `source`. */
export function copyFileAtomically(
  source: string,
  target: string,
  options: AtomicWriteOptions = {},
): void {
  replaceFileAtomically(
    target,
    (temp) => fs.copyFileSync(source, temp, fs.constants.COPYFILE_EXCL),
    options,
  );
}

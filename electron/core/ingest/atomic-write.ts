// Atomic replacement of a file: the new content is written aside in the same folder
// (same file system, so rename is atomic), flushed to disk, then renamed over the
// old one. Readers see the old file or the new one, never a half-written one, and a
// failure before the rename leaves the old file byte-identical.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A temp name beside `target` (matched by .gitignore's data/*.tmp*). */
export function tempPathFor(target: string): string {
  return `${target}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
}

function fsyncPath(file: string, flags: string): void {
  const fd = fs.openSync(file, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Calls `write(tempPath)` to create the new file, then fsyncs and renames it onto
 * `target`. On any failure the temp file is removed and the error rethrown.
 */
export function replaceFileAtomically(target: string, write: (tempPath: string) => void): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  try {
    write(temp);
    fsyncPath(temp, 'r+');
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  try {
    fsyncPath(path.dirname(target), 'r'); // persist the rename (not possible on Windows)
  } catch {
    /* directory fsync is best effort */
  }
}

// Durable file moves for user data: a damaged or replaced database is moved aside
// (never deleted) together with its -wal and -shm, and a file is put in place by
// copy → fsync → rename so that a crash leaves either the old or the new file.
import fs from 'node:fs';
import path from 'node:path';

export const SIDE_SUFFIXES = ['', '-wal', '-shm'] as const;

/** A timestamp usable in file names and sortable as text: 20261127T002644123Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Directories cannot be opened for fsync on some platforms (Windows); rename is still atomic.
  }
}

/** Moves `file` and its -wal/-shm into `intoDir` under a stamped name; returns the new paths. */
export function moveAside(file: string, intoDir: string, stamp: string): string[] {
  fs.mkdirSync(intoDir, { recursive: true });
  const base = path.basename(file, '.sqlite');
  const moved: string[] = [];
  for (const suffix of SIDE_SUFFIXES) {
    const from = file + suffix;
    if (!fs.existsSync(from)) continue;
    let to = path.join(intoDir, `${base}-${stamp}.sqlite${suffix}`);
    for (let n = 2; fs.existsSync(to); n += 1)
      to = path.join(intoDir, `${base}-${stamp}-${n}.sqlite${suffix}`);
    fs.renameSync(from, to);
    moved.push(to);
  }
  fsyncDir(intoDir);
  fsyncDir(path.dirname(file));
  return moved;
}

/** Copies `from` over `to` atomically (temporary file, fsync, rename). */
export function replaceFileDurably(from: string, to: string): void {
  const tmp = `${to}.tmp-${process.pid}`;
  fs.copyFileSync(from, tmp);
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, to);
  fsyncDir(path.dirname(to));
}

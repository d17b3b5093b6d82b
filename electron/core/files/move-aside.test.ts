// Moving a damaged database aside: the whole set (file, -wal, -shm) under one
// name, never over an earlier one moved in the same millisecond.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStamp, moveAside } from './move-aside';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function profile(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-aside-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
}

describe('moveAside', () => {
  const stamp = fileStamp(new Date('2026-01-02T03:04:05.006Z'));

  it('stamps sortable names', () => {
    expect(stamp).toBe('20260102T030405006Z');
  });

  it('moves the file with its journals and keeps a second set apart', () => {
    const dir = profile({ 'user.sqlite': 'one', 'user.sqlite-wal': 'wal one' });
    const into = path.join(dir, 'damaged');
    const first = moveAside(path.join(dir, 'user.sqlite'), into, stamp);
    expect(first.map((f) => path.basename(f))).toEqual([
      `user-${stamp}.sqlite`,
      `user-${stamp}.sqlite-wal`,
    ]);
    // Same stamp again, and this time only a -shm of the first name is free.
    fs.writeFileSync(path.join(dir, 'user.sqlite'), 'two');
    fs.writeFileSync(path.join(dir, 'user.sqlite-shm'), 'shm two');
    const second = moveAside(path.join(dir, 'user.sqlite'), into, stamp);
    expect(second.map((f) => path.basename(f))).toEqual([
      `user-${stamp}-2.sqlite`,
      `user-${stamp}-2.sqlite-shm`,
    ]);
    expect(fs.readFileSync(first[0] as string, 'utf8')).toBe('one');
    expect(fs.readFileSync(second[0] as string, 'utf8')).toBe('two');
    expect(fs.readdirSync(dir)).toEqual(['damaged']);
  });

  it('moves only the suffixes asked for, and nothing when none exists', () => {
    const dir = profile({ 'user.sqlite': 'db', 'user.sqlite-wal': 'stale' });
    const into = path.join(dir, 'damaged');
    const moved = moveAside(path.join(dir, 'user.sqlite'), into, stamp, ['-wal', '-shm']);
    expect(moved.map((f) => path.basename(f))).toEqual([`user-${stamp}.sqlite-wal`]);
    expect(fs.readFileSync(path.join(dir, 'user.sqlite'), 'utf8')).toBe('db');
    expect(moveAside(path.join(dir, 'none.sqlite'), into, stamp)).toEqual([]);
  });
});

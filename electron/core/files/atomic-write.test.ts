// The atomic write against real files, with the failures a disk can produce in
// the middle: the writer dies half way, the flush or the rename fails. Each time
// the previous file must stay byte-identical and no temporary file may be left.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  copyFileAtomically,
  isTempName,
  replaceFileAtomically,
  replaceFileAtomicallyAsync,
  tempPathFor,
  writeFileAtomically,
} from './atomic-write';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-atomic-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const diskError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** A folder with `old.json` holding known bytes. */
function withOldFile(): { dir: string; file: string; before: Buffer } {
  const dir = tempDir();
  const file = path.join(dir, 'old.json');
  fs.writeFileSync(file, '{"kept":"古い内容"}\n');
  return { dir, file, before: fs.readFileSync(file) };
}

function expectUntouched(dir: string, file: string, before: Buffer): void {
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
}

describe('writeFileAtomically', () => {
  it('replaces the file, creates missing folders only when asked, and leaves nothing else', () => {
    const { dir, file } = withOldFile();
    writeFileAtomically(file, '新しい内容');
    expect(fs.readFileSync(file, 'utf8')).toBe('新しい内容');
    const nested = path.join(dir, 'a', 'b', 'state.json');
    // A path typed by the reader never makes folders appear.
    expect(() => writeFileAtomically(nested, 'x')).toThrow(/the folder .*b does not exist/);
    expect(fs.readdirSync(dir)).toEqual(['old.json']);
    writeFileAtomically(nested, new Uint8Array([1, 2, 3]), { createFolders: true });
    expect([...fs.readFileSync(nested)]).toEqual([1, 2, 3]);
    expect(fs.readdirSync(dir).sort()).toEqual(['a', 'old.json']);
  });

  it('keeps the old file when the rename fails (disk error)', () => {
    const { dir, file, before } = withOldFile();
    vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw diskError('EIO');
    });
    expect(() => writeFileAtomically(file, 'new')).toThrow('EIO');
    expectUntouched(dir, file, before);
  });

  it('keeps the old file when flushing the new one fails', () => {
    const { dir, file, before } = withOldFile();
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw diskError('ENOSPC');
    });
    expect(() => writeFileAtomically(file, 'new')).toThrow('ENOSPC');
    expectUntouched(dir, file, before);
  });
});

describe('replaceFileAtomically', () => {
  it('keeps the old file when the writer fails half way', () => {
    const { dir, file, before } = withOldFile();
    expect(() =>
      replaceFileAtomically(file, (temp) => {
        fs.writeFileSync(temp, '{"half":');
        throw new Error('writer died');
      }),
    ).toThrow('writer died');
    expectUntouched(dir, file, before);
  });

  it('writes a fresh temporary name each time, beside the target', () => {
    const target = path.join(tempDir(), 'content.sqlite');
    const names = new Set(Array.from({ length: 50 }, () => tempPathFor(target)));
    expect(names.size).toBe(50);
    for (const name of names) {
      expect(path.dirname(name)).toBe(path.dirname(target));
      expect(isTempName(path.basename(name))).toBe(true);
    }
    expect(isTempName('content.sqlite')).toBe(false);
  });
});

describe('replaceFileAtomicallyAsync', () => {
  it('removes the temporary database and its journals when the writer rejects', async () => {
    const { dir, file, before } = withOldFile();
    await expect(
      replaceFileAtomicallyAsync(file, async (temp) => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.writeFileSync(temp + suffix, 'x');
        throw new Error('integrity check failed');
      }),
    ).rejects.toThrow('integrity check failed');
    expectUntouched(dir, file, before);
  });
});

describe('copyFileAtomically', () => {
  it('copies, and on a failed rename keeps the old target', () => {
    const { dir, file, before } = withOldFile();
    const source = path.join(tempDir(), 'backup.sqlite');
    fs.writeFileSync(source, 'backup bytes');
    vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw diskError('EXDEV');
    });
    expect(() => copyFileAtomically(source, file)).toThrow('EXDEV');
    expectUntouched(dir, file, before);
    copyFileAtomically(source, file);
    expect(fs.readFileSync(file, 'utf8')).toBe('backup bytes');
  });
});

// Shared helpers for the library's tests: temp user-data folders and file hashes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempUserDataDir(prefix = 'hakusho-lib-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

// Test support: temporary user-data folders (a real user.sqlite in each), file
// hashes to prove a file was left byte-identical, and their removal.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary, type OpenLibraryOptions, type SqliteLibrary } from '../library/library';

export function tempUserDataDir(prefix = 'hakusho-lib-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A real user.sqlite in a fresh temp folder (no automatic backups), and its removal. */
export function tempLibrary(): { library: SqliteLibrary; dir: string; cleanup(): void } {
  const dir = tempUserDataDir('hakusho-user-');
  const library = openLibrary(dir, { autoBackup: false });
  return {
    library,
    dir,
    cleanup() {
      try {
        library.close();
      } catch {
        // already closed by the test
      }
      removeDir(dir);
    },
  };
}

/**
 * The libraries a test file opens, each over a user-data folder (a fresh temp folder
 * unless given) with no automatic backups; `closeAll()`, in afterEach, closes them and
 * removes their folders.
 */
export function libraryProfiles() {
  const opened: { dir: string; lib: SqliteLibrary }[] = [];
  return {
    open(options: OpenLibraryOptions = {}, dir = tempUserDataDir()) {
      const lib = openLibrary(dir, { autoBackup: false, ...options });
      opened.push({ dir, lib });
      return { dir, lib };
    },
    /** Closes the library opened last and keeps its folder (the reader quit; it may open again). */
    closeLast(): void {
      opened.pop()?.lib.close();
    },
    closeAll(): void {
      for (const { dir, lib } of opened.splice(0)) {
        lib.close();
        removeDir(dir);
      }
    },
  };
}

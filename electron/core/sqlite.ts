// The one way the core opens SQLite. better-sqlite3's compiled module is built
// for one ABI: the copy in node_modules is the Node build (tests, the CLI, the
// browser edition), which Electron cannot load. `npm start` builds a separate
// Electron copy and the Electron main process points every connection at it
// with setSqliteNativeBinding() — better-sqlite3's documented `nativeBinding`
// option — so the Node build is never replaced. Keeping every `new Database`
// here makes that one switch cover them all (a test greps for stray ones).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * The variable in which `npm start` names the Electron build of the native
 * module for the desktop app (read by electron/main/sqlite-binding.ts).
 */
export const SQLITE_BINDING_ENV = 'HAKUSHO_SQLITE_BINDING';

let nativeBinding: string | null = null;

/**
 * Every later openDatabase() uses better-sqlite3's compiled module from `file`
 * (an absolute path to a `.node` file); null goes back to the default module in
 * node_modules. The module is loaded here (require caches it for better-sqlite3),
 * so a missing file or one built for another ABI fails at once with a clear
 * error, and nothing changes.
 */
export function setSqliteNativeBinding(file: string | null): void {
  if (file === null) {
    nativeBinding = null;
    return;
  }
  if (!path.isAbsolute(file) || !file.endsWith('.node')) {
    throw new Error(
      `the SQLite native module must be an absolute path to a .node file, not "${file}"`,
    );
  }
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile())
    throw new Error(`the SQLite native module ${file} does not exist`);
  let addon: unknown;
  try {
    addon = createRequire(file)(file);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`cannot load the SQLite native module ${file}: ${reason}`, { cause: err });
  }
  if (typeof addon !== 'object' || addon === null || !('Database' in addon)) {
    throw new Error(`${file} is not better-sqlite3's native module`);
  }
  nativeBinding = file;
}

/** The compiled module file connections use, or null for better-sqlite3's own. */
export function sqliteNativeBinding(): string | null {
  return nativeBinding;
}

/**
 * `new Database(file, options)` with the process-wide native module, if one was set.
 * A Buffer opens an in-memory copy of a serialized database.
 */
export function openDatabase(
  file: string | Buffer,
  options: Database.Options = {},
): Database.Database {
  if (nativeBinding === null) return new Database(file, options);
  return new Database(file, { ...options, nativeBinding });
}

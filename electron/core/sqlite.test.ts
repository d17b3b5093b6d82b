// The native module set with setSqliteNativeBinding() is the one every
// openDatabase() connection loads. (That no other code opens SQLite is a lint
// rule, tested with the other layering rules in build/lint-layers.test.ts.)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase, setSqliteNativeBinding, sqliteNativeBinding } from './sqlite';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-sqlite-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => setSqliteNativeBinding(null));

/** better-sqlite3's own Node build, wherever npm put it. */
function nodeBuild(): string {
  const pkg = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
  return path.join(path.dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
}

/** A copy of the Node build under another name (a module better-sqlite3 has not used yet). */
function copyOfNodeBuild(name: string): string {
  const copy = path.join(dir, name, 'better_sqlite3.node');
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(nodeBuild(), copy);
  return copy;
}

describe('setSqliteNativeBinding', () => {
  it('opens databases through the given native module (here the Node build itself)', () => {
    const binding = nodeBuild();
    setSqliteNativeBinding(binding);
    expect(sqliteNativeBinding()).toBe(binding);
    const file = path.join(dir, 'bound.sqlite');
    const db = openDatabase(file);
    try {
      db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('白書')");
      expect(db.prepare('SELECT x FROM t').get()).toEqual({ x: '白書' });
    } finally {
      db.close();
    }
    const again = openDatabase(file, { readonly: true, fileMustExist: true });
    try {
      expect(again.readonly).toBe(true);
      expect(() => again.exec('DELETE FROM t')).toThrow(/readonly/i);
    } finally {
      again.close();
    }
  });

  it('passes the option through: the module given is the one better-sqlite3 initialises', () => {
    // A copy of the Node build under another name. better-sqlite3 marks the addon
    // it uses (isInitialized) on first open; setSqliteNativeBinding only loads it.
    const copy = copyOfNodeBuild('copy');
    setSqliteNativeBinding(copy);
    const addon = createRequire(copy)(copy) as { isInitialized?: boolean };
    expect(addon.isInitialized).toBeUndefined();
    const db = openDatabase(':memory:');
    db.close();
    expect(addon.isInitialized).toBe(true);
  });

  it('refuses a bad path with a clear error and keeps the previous module', () => {
    const binding = nodeBuild();
    setSqliteNativeBinding(binding);
    const missing = path.join(dir, 'nowhere', 'better_sqlite3.node');
    expect(() => setSqliteNativeBinding(missing)).toThrow(
      `the SQLite native module ${missing} does not exist`,
    );
    expect(() => setSqliteNativeBinding('relative/better_sqlite3.node')).toThrow(
      /must be an absolute path to a \.node file/,
    );
    expect(() => setSqliteNativeBinding(path.join(dir, 'x.so'))).toThrow(/\.node file/);
    const junk = path.join(dir, 'junk.node');
    fs.writeFileSync(junk, 'not a shared object');
    expect(() => setSqliteNativeBinding(junk)).toThrow(
      new RegExp(
        `^cannot load the SQLite native module ${junk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `,
      ),
    );
    expect(sqliteNativeBinding()).toBe(binding);
    openDatabase(':memory:').close();
  });

  it('without a binding, uses better-sqlite3 as installed, with the features the app needs', () => {
    const unused = copyOfNodeBuild('reset');
    setSqliteNativeBinding(unused);
    setSqliteNativeBinding(null);
    expect(sqliteNativeBinding()).toBeNull();
    const file = path.join(dir, 'default.sqlite');
    const db = openDatabase(file);
    try {
      // WAL (user.sqlite), JSON functions and the online backup the library uses.
      expect(db.pragma('journal_mode = WAL', { simple: true })).toBe('wal');
      expect(db.prepare("SELECT json_extract('{\"a\":[1,2]}', '$.a[1]') AS v").get()).toEqual({
        v: 2,
      });
      db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('白書')");
    } finally {
      db.close();
    }
    const again = openDatabase(file, { readonly: true, fileMustExist: true });
    try {
      expect(again.prepare('SELECT x FROM t').get()).toEqual({ x: '白書' });
    } finally {
      again.close();
    }
    // The module named before the reset was loaded but never used by a connection.
    expect((createRequire(unused)(unused) as { isInitialized?: boolean }).isInitialized).toBe(
      undefined,
    );
  });
});

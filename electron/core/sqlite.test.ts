// Every SQLite connection of the app goes through openDatabase(), and the
// native module set with setSqliteNativeBinding() is the one connections load.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase, setSqliteNativeBinding, sqliteNativeBinding } from './sqlite';

const electronDir = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-sqlite-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => setSqliteNativeBinding(null));

/** better-sqlite3's own Node build, wherever npm put it. */
function nodeBuild(): string {
  const pkg = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
  return path.join(path.dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
}

function sourceFiles(from: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const full = path.join(from, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|js|cjs|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
      out.push(full);
  }
  return out;
}

describe('one way to open SQLite', () => {
  it('no app code under electron/ constructs a Database or imports better-sqlite3 as a value but sqlite.ts', () => {
    const files = sourceFiles(electronDir);
    expect(files.length).toBeGreaterThan(20);
    const stray: string[] = [];
    for (const file of files) {
      if (file === path.join(electronDir, 'core', 'sqlite.ts')) continue;
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(electronDir, file);
      if (/new\s+Database\s*\(/.test(text)) stray.push(`${rel}: new Database(`);
      if (/\bDatabase\s*\(\s*['"`:]/.test(text.replace(/openDatabase/g, '')))
        stray.push(`${rel}: Database( call`);
      for (const m of text.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+['"]better-sqlite3['"]/gm))
        stray.push(`${rel}: ${m[0].trim()}`);
      if (/require\(\s*['"]better-sqlite3['"]\s*\)/.test(text)) stray.push(`${rel}: require`);
    }
    expect(stray).toEqual([]);
  });

  it('the grep would see a stray open (it is not vacuous)', () => {
    const text = "import Database from 'better-sqlite3';\nconst db = new Database(file);";
    expect(/new\s+Database\s*\(/.test(text)).toBe(true);
    expect(/^\s*import\s+(?!type\b)[^;]*?from\s+['"]better-sqlite3['"]/m.test(text)).toBe(true);
    expect(
      /^\s*import\s+(?!type\b)[^;]*?from\s+['"]better-sqlite3['"]/m.test(
        "import type Database from 'better-sqlite3';",
      ),
    ).toBe(false);
  });
});

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
    const copy = path.join(dir, 'copy', 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(nodeBuild(), copy);
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

  it('without a binding, uses better-sqlite3 as installed', () => {
    setSqliteNativeBinding(null);
    expect(sqliteNativeBinding()).toBeNull();
    const db = openDatabase(':memory:');
    expect(db.pragma('compile_options', { simple: false })).toBeDefined();
    db.close();
  });
});

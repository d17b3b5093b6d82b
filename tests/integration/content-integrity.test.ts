// The content database is checked, not trusted, and no command overwrites a file it
// does not own. Fault injection on real files: corrupted bytes inside an artifact
// (every artifact, the search index first: integrity_check still passes), a
// corrupted page of paragraphs, a stale database in a read-only folder (chattr +i),
// and foreign files named by --content or HAKUSHO_CONTENT_DB. The CLI runs as a user
// runs it: the checkout's bin (with the sources: it may rebuild what it owns) or the
// bundle alone outside the checkout (no sources: what an installed app does).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/common/api/contract';
import { ArtifactIntegrityError, openContentStore } from '../../electron/core/content/store';
import { buildContentDb } from '../../electron/core/ingest/build';
import { openLibrary } from '../../electron/core/library/library';
import { repoRoot } from '../../electron/core/paths';
import { openReaderCore } from '../../electron/core/reader-core';
import { cliWorkspace } from '../../electron/core/testing/cli-workspace';
import { makeImmutable, releaseImmutable } from '../../electron/core/testing/read-only';
import { makeTempContent, type TempContent } from '../../electron/core/testing/temp-content';
import { sha256File } from '../../electron/core/testing/user-data';
import { coreOpeners } from '../../electron/core/wiring';

const root = repoRoot();
let temp: TempContent;
let work: string;
/** A sound, current content database built from the temp inputs. */
let pristine: string;
/** The CLI bundle alone, outside the checkout. */
let bundle: string;

beforeAll(async () => {
  temp = makeTempContent();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-integrity-'));
  pristine = path.join(work, 'pristine.sqlite');
  buildContentDb({ inputs: temp.inputs, dbPath: pristine });
  bundle = (await cliWorkspace(path.join(work, 'ws'))).cli;
}, 120_000);
afterEach(() => releaseImmutable());
afterAll(() => {
  releaseImmutable();
  temp.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The checkout's CLI (sources present) with the temp inputs standing for data/. */
function checkoutCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [path.join(root, 'build', 'hakusho.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The bundle alone (no sources beside it: the database is used as it is). */
function bareCli(args: string[]) {
  const result = spawnSync(process.execPath, [bundle, ...args], { cwd: work, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function copy(name: string): string {
  const file = path.join(work, name);
  fs.copyFileSync(pristine, file);
  return file;
}

const oneLine = (stderr: string): string => {
  const lines = stderr.trimEnd().split('\n');
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  return lines.at(-1) ?? '';
};

/**
 * Overwrites `length` bytes in the middle of an artifact's body, inside one page
 * (page headers and overflow pointers untouched: SQLite's integrity_check still
 * passes, which is the point).
 */
function corruptArtifact(file: string, name: string, length: number): void {
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT body FROM artifacts WHERE name = ?').get(name) as {
    body: string | Buffer;
  };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const body = Buffer.isBuffer(row.body) ? row.body : Buffer.from(row.body, 'utf8');
  const bytes = fs.readFileSync(file);
  for (let from = Math.floor(body.length / 3); from + 64 < body.length; from += 1) {
    const chunk = body.subarray(from, from + 64);
    const at = bytes.indexOf(chunk);
    // Only bytes found once in the file are surely the artifact's (the search copy
    // repeats the paragraphs' text, stored in their own table too).
    if (at < 0 || bytes.indexOf(chunk, at + 1) >= 0) continue;
    const inPage = at % pageSize;
    const span = Math.min(length, body.length - from, pageSize - inPage - 8);
    if (inPage < 16 || span < Math.min(length, 64)) continue;
    for (let i = 0; i < span; i += 1) bytes[at + i] = bytes[at + i]! ^ 0xa5;
    fs.writeFileSync(file, bytes);
    return;
  }
  throw new Error(`no place to corrupt ${name} inside one page`);
}

describe('artifacts carry a checksum verified at load', () => {
  it('2,000 corrupted bytes in the search index pass integrity_check, but are reported, never searched', async () => {
    const file = copy('search-damaged.sqlite');
    corruptArtifact(file, 'search-index', 2000);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // Where nothing can rebuild it (an installed app): search is off, and the reader is told.
    const userData = path.join(work, 'ud-search');
    const core = openReaderCore(coreOpeners, {
      contentDbPath: file,
      userDataDir: userData,
      host: 'browser',
      version: '0',
      library: { autoBackup: false },
    });
    try {
      const info = await invoke(core.handlers, 'getAppInfo', {});
      expect(info.searchAvailable).toBe(false);
      expect(info.notices.map((n) => n.code)).toEqual(['content_damaged']);
      expect(info.notices[0]?.message).toMatch(/search-index .*checksum does not match/);
      await expect(invoke(core.handlers, 'search', { query: '米国' })).rejects.toMatchObject({
        code: 'unavailable',
      });
      // Everything else still reads.
      expect((await invoke(core.handlers, 'getToc', {})).length).toBeGreaterThan(0);
    } finally {
      core.close();
    }
    const bare = bareCli(['search', '米国', '--content', file, '--user-data', userData]);
    expect(bare.code).toBe(1);
    expect(oneLine(bare.stderr)).toMatch(/^hakusho: search is not available/);
    expect(bare.stderr).toMatch(/checksum does not match/);
  });

  it('every artifact is verified, whatever its format', () => {
    const store = openContentStore(pristine);
    const names = (
      new Database(pristine, { readonly: true })
        .prepare('SELECT name FROM artifacts ORDER BY name')
        .all() as { name: string }[]
    ).map((r) => r.name);
    store.close();
    // Lunr's index and the search copy among them.
    expect(names).toEqual(expect.arrayContaining(['search-copy', 'search-index']));
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      const file = copy(`artifact-${name}.sqlite`);
      corruptArtifact(file, name, 64);
      const damaged = openContentStore(file);
      try {
        expect(() => damaged.artifact(name), name).toThrow(ArtifactIntegrityError);
        for (const other of names.filter((n) => n !== name))
          expect(damaged.artifact(other), other).not.toBeNull();
      } finally {
        damaged.close();
      }
    }
  });

  it('where the reader owns the file, a damaged artifact is rebuilt', () => {
    const file = copy('owned-damaged.sqlite');
    corruptArtifact(file, 'search-index', 2000);
    const run = checkoutCli(['search', '米国', '--json', '--content', file], {
      HAKUSHO_USER_DATA: path.join(work, 'ud-owned'),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /content: building .*\(artifact search-index damaged \(checksum mismatch\)\)/,
    );
    expect(JSON.parse(run.stdout).results.length).toBeGreaterThan(0);
  });
});

describe('a malformed content database', () => {
  /** Overwrites the page that holds a paragraph's text with garbage. */
  function corruptParagraphPage(file: string): void {
    const db = new Database(file, { readonly: true });
    const text = (
      db.prepare('SELECT text FROM paragraphs ORDER BY length(text) DESC LIMIT 1').get() as {
        text: string;
      }
    ).text;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(Buffer.from(text.slice(0, 40), 'utf8'));
    expect(at).toBeGreaterThan(0);
    const page = Math.floor(at / pageSize) * pageSize;
    bytes.fill(0x37, page, page + pageSize);
    fs.writeFileSync(file, bytes);
  }

  it('gives one line naming the file and the fix, no stack trace, in every command', () => {
    const file = copy('malformed.sqlite');
    corruptParagraphPage(file);
    for (const args of [['toc'], ['read', 'us'], ['search', '米国'], ['annotations', 'list']]) {
      const run = bareCli([...args, '--content', file, '--user-data', path.join(work, 'ud-bad')]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(1);
      const line = oneLine(run.stderr);
      expect(line).toContain(file);
      expect(line).toMatch(/npm run build:content/);
    }
  });

  it('where the reader owns it, it is rebuilt', () => {
    const file = copy('malformed-owned.sqlite');
    corruptParagraphPage(file);
    const run = checkoutCli(['toc', '--content', file], {
      HAKUSHO_USER_DATA: path.join(work, 'ud-bad-owned'),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/content: building .*\(damaged/);
  });
});

describe('a stale content database in a folder that cannot be written', () => {
  it('is rebuilt into the user-data folder and used from there, with a notice; the original is untouched', () => {
    const folder = path.join(work, 'read-only-install');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'content.sqlite');
    fs.copyFileSync(pristine, file);
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = '0' WHERE key = 'builder_version'").run();
    db.close();
    const before = sha256File(file);
    makeImmutable(folder, file);
    const userData = path.join(work, 'ud-stale');
    const first = checkoutCli(['toc', '--content', file, '--user-data', userData]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/its folder is read-only; building/);
    expect(first.stderr).toMatch(
      /notice: The content database was out of date \(builder version changed\)/,
    );
    const copies = fs.readdirSync(path.join(userData, 'content'));
    expect(copies).toHaveLength(1);
    expect(first.stdout).toContain('米国');
    // The next run uses the copy without building again, and still says where it reads from.
    const second = checkoutCli(['toc', '--content', file, '--user-data', userData]);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/building/);
    expect(second.stderr).toMatch(/notice: The content database was out of date/);
    releaseImmutable();
    expect(sha256File(file)).toBe(before);
    expect(fs.readdirSync(folder)).toEqual(['content.sqlite']);
  });
});

describe('no command overwrites a file it does not own', () => {
  const foreign = (): Record<string, string> => {
    const dir = fs.mkdtempSync(path.join(work, 'foreign-'));
    const thesis = path.join(dir, 'thesis.txt');
    fs.writeFileSync(thesis, '第一章　序論\n本論文は…\n'.repeat(200));
    const profile = path.join(dir, 'other-profile');
    const lib = openLibrary(profile, { autoBackup: false });
    lib.bookmarks.add('us', '他人のしおり');
    lib.close();
    const other = path.join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('data');");
    db.close();
    return { thesis, userDb: path.join(profile, 'user.sqlite'), other };
  };

  it('--content and HAKUSHO_CONTENT_DB refuse a foreign file in one line and leave it byte-identical', () => {
    const files = foreign();
    for (const [what, file] of Object.entries(files)) {
      const before = sha256File(file);
      for (const run of [
        checkoutCli(['toc', '--content', file, '--user-data', path.join(work, 'ud-f')]),
        checkoutCli(['toc', '--user-data', path.join(work, 'ud-f')], { HAKUSHO_CONTENT_DB: file }),
        checkoutCli(['build-content', '--content', file]),
      ]) {
        expect(run.code, `${what}: ${run.stderr}`).toBe(1);
        expect(oneLine(run.stderr)).toMatch(
          /is not a content database this reader (can rebuild|built)/,
        );
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
      }
      expect(sha256File(file), what).toBe(before);
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    }
  });

  it('a stale database it built is rebuilt; a missing one is built only in an existing folder', () => {
    const stale = copy('own-stale.sqlite');
    const db = new Database(stale);
    db.prepare("UPDATE meta SET value = '0' WHERE key = 'builder_version'").run();
    db.close();
    const run = checkoutCli(['toc', '--content', stale, '--user-data', path.join(work, 'ud-s')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/content: building .*\(builder version changed\)/);
    const nowhere = path.join(work, 'no', 'such', 'folder');
    const missing = checkoutCli(['toc', '--content', path.join(nowhere, 'content.sqlite')]);
    expect(missing.code).toBe(1);
    expect(oneLine(missing.stderr)).toMatch(/does not exist; create it first/);
    expect(fs.existsSync(path.join(work, 'no'))).toBe(false);
    const out = checkoutCli([
      'export',
      '--format',
      'w3c',
      '--out',
      path.join(nowhere, 'notes.jsonld'),
      '--content',
      pristine,
      '--user-data',
      path.join(work, 'ud-s'),
    ]);
    expect(out.code).toBe(1);
    expect(oneLine(out.stderr)).toMatch(/does not exist/);
    expect(fs.existsSync(path.join(work, 'no'))).toBe(false);
  });
});

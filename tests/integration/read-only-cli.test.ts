// The CLI run as an unprivileged user (setpriv, uid 65534) on a notes folder it may
// read but not write — what a reader meets with a profile copied from elsewhere or a
// read-only mount. Permission bits are real for that user (CI runs as root, for whom
// they change nothing). The CLI bundle, better-sqlite3 and a content database are
// copied into a root-owned 0755 folder under /tmp, since the checkout itself may not
// be readable by that user. Every reading command works; every change is refused in
// one line with exit status 1; the notes file is left byte-identical.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentDb } from '../../electron/core/ingest/build';
import { openLibrary } from '../../electron/core/library/library';
import { cliWorkspace } from '../../electron/core/testing/cli-workspace';
import { runUnprivileged, unprivilegedWorkspace } from '../../electron/core/testing/read-only';
import { makeTempContent } from '../../electron/core/testing/temp-content';
import { sha256File } from '../../electron/core/testing/user-data';

let ws: string;
let userData: string;
let contentDb: string;

beforeAll(async () => {
  ws = unprivilegedWorkspace('hakusho-ro-cli-');
  await cliWorkspace(ws);
  const temp = makeTempContent();
  contentDb = path.join(ws, 'content.sqlite');
  buildContentDb({ inputs: temp.inputs, dbPath: contentDb });
  temp.cleanup();
  // A profile with one note and one bookmark, owned by root: read-only for uid 65534.
  userData = path.join(ws, 'profile');
  const lib = openLibrary(userData, { autoBackup: false });
  lib.bookmarks.add('us-3', '読めるしおり');
  lib.annotations.create({
    kind: 'section-note',
    sectionId: 'us-3',
    color: 'green',
    note: '読めるメモ',
    tags: [],
    target: null,
    anchor: 'anchored',
  });
  await lib.backupNow('manual');
  lib.close();
  // A reader's own copy: checkpointed, no -wal or -shm left (as after a clean exit).
  const db = new Database(path.join(userData, 'user.sqlite'));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm'])
    fs.rmSync(path.join(userData, `user.sqlite${suffix}`), { force: true });
  for (const entry of fs.readdirSync(ws, { recursive: true, withFileTypes: true })) {
    const p = path.join(entry.parentPath, entry.name);
    fs.chmodSync(p, entry.isDirectory() ? 0o755 : 0o644);
  }
}, 120_000);

afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = runUnprivileged(
    process.execPath,
    [path.join(ws, 'hakusho.cjs'), ...args, '--user-data', userData, '--content', contentDb],
    { cwd: ws },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI as a user who may not write the notes folder', () => {
  it('reads: annotations, bookmarks, export and the backups list all work', () => {
    const before = sha256File(path.join(userData, 'user.sqlite'));
    const list = cli('annotations', 'list', '--json');
    expect(list.stderr).toMatch(/notice: .*read-only/);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { note: string }[]).map((a) => a.note)).toEqual([
      '読めるメモ',
    ]);
    const bookmarks = cli('bookmarks', 'list', '--json');
    expect(bookmarks.code).toBe(0);
    expect(JSON.parse(bookmarks.stdout)[0].label).toBe('読めるしおり');
    const exported = cli('export', '--format', 'w3c');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('読めるメモ');
    const backups = cli('backup', 'list');
    expect(backups.code).toBe(0);
    expect(backups.stdout).toMatch(/manual \(kept until deleted\)/);
    expect(sha256File(path.join(userData, 'user.sqlite'))).toBe(before);
    expect(fs.readdirSync(userData).sort()).toEqual(['backups', 'user.sqlite']);
  });

  it('changes: each refused in one line, exit status 1, nothing written', () => {
    const before = sha256File(path.join(userData, 'user.sqlite'));
    const exported = path.join(ws, 'notes.jsonld');
    fs.writeFileSync(exported, cli('export', '--format', 'w3c').stdout);
    fs.chmodSync(exported, 0o644);
    const backup = fs.readdirSync(path.join(userData, 'backups'))[0] as string;
    for (const args of [
      ['annotations', 'add', '--paragraph', 'us-3.p1', '--start', '0', '--end', '4'],
      ['backup', 'now'],
      ['backup', 'delete', backup],
      ['backup', 'restore', backup],
      ['import', exported],
    ]) {
      const run = cli(...args);
      expect(run.code, args.join(' ')).toBe(1);
      const lines = run.stderr.trim().split('\n');
      const error = lines.at(-1) ?? '';
      expect(error, run.stderr).toMatch(/^hakusho: .*read-only/);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(sha256File(path.join(userData, 'user.sqlite'))).toBe(before);
    expect(fs.readdirSync(path.join(userData, 'backups'))).toHaveLength(1);
  });
});

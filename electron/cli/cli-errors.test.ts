// The CLI's answers to a wrong or failing command line: every error is one line on
// stderr with exit status 1 (2 for a wrong command line), never a stack trace;
// `help --json` prints JSON; backups are listed with their total size and deletable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './testing/in-process';

let root: string;
let contentDb: string;

const run = (args: string[], userData = path.join(root, 'profile')) =>
  runCliInProcess(args, userData, contentDb);

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-cli-errors-'));
  contentDb = path.join(root, 'content.sqlite');
  expect((await run(['toc'])).code).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('help', () => {
  it('help --json prints JSON: every command with its usage, the options and exit codes', async () => {
    const help = await run(['help', '--json']);
    expect(help.code).toBe(0);
    const doc = JSON.parse(help.stdout) as { commands: { name: string; usage: string }[] };
    expect(doc.commands.map((c) => c.name)).toEqual(
      expect.arrayContaining(['toc', 'read', 'search', 'glossary', 'import', 'export', 'backup']),
    );
    expect(doc).toMatchObject({ exitCodes: { 0: 'done', 2: 'wrong command line' } });
    const one = await run(['backup', '--help', '--json']);
    expect(JSON.parse(one.stdout)).toMatchObject({
      name: 'backup',
      usage: expect.stringMatching(/delete <name>/),
    });
    expect(JSON.parse((await run(['help', 'import', '--json'])).stdout).name).toBe('import');
    expect((await run(['help', 'nope'])).code).toBe(2);
  });
});

describe('errors are one line', () => {
  it.each([
    [['nope'], 2, /^hakusho: unknown command "nope"/],
    [['toc', '--frobnicate'], 2, /^hakusho: toc: Unknown option '--frobnicate'/],
    [['backup', 'delete'], 2, /^hakusho: backup delete: expected one backup name/],
    [['backup', 'delete', '../../etc/passwd'], 1, /^hakusho: not a backup name/],
    [
      ['backup', 'restore', 'user-20200101T000000000Z-manual.sqlite'],
      1,
      /^hakusho: no backup named/,
    ],
    [['import', '/no/such/file.jsonld'], 1, /^hakusho: import: cannot read/],
    [['read', 'us-99'], 1, /^hakusho: read: no section "us-99"/],
    [['toc', 'extra'], 2, /^hakusho: toc: unexpected argument "extra" \(usage: hakusho toc/],
    [['glossary', '--frobnicate'], 2, /^hakusho: glossary: Unknown option '--frobnicate'/],
    [['glossary', 'IPEF'], 2, /^hakusho: glossary: unexpected argument "IPEF"/],
    [['export'], 2, /^hakusho: export: --format is one of w3c, md, docx$/],
    [['export', '--format', 'pdf'], 2, /^hakusho: export: --format is one of/],
    [['export', '--format', 'docx'], 2, /^hakusho: export: a Word document is a file/],
    [['export', '--format', 'md', '--lang', 'fr'], 2, /^hakusho: export: --lang is one of ja, en$/],
    [['export', '--format', 'md', 'notes.md'], 2, /^hakusho: export: unexpected argument/],
    [
      ['export', '--format', 'md', '--out', '/no/such/folder/notes.md'],
      1,
      /^hakusho: export: cannot write \/no\/such\/folder\/notes\.md: the folder \/no\/such\/folder does not exist$/,
    ],
    [['bookmarks', 'list', 'extra'], 2, /^hakusho: bookmarks: unexpected argument "extra"/],
  ])('%j → exit %i', async (args, code, message) => {
    const result = await run(args as string[]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    // A failed export creates no folder on its way.
    expect(fs.existsSync('/no/such')).toBe(false);
  });
});

describe('backups in the CLI', () => {
  it('list shows each with its kind and the total size; delete removes one', async () => {
    const dir = path.join(root, 'backups');
    expect(
      (
        await run(
          ['annotations', 'add', '--paragraph', 'us-3.p1', '--start', '0', '--end', '2'],
          dir,
        )
      ).code,
    ).toBe(0);
    const taken = JSON.parse((await run(['backup', 'now', '--json'], dir)).stdout) as {
      name: string;
    };
    const list = await run(['backup', 'list'], dir);
    expect(list.stdout).toContain(`${taken.name}`);
    expect(list.stdout).toMatch(/manual \(kept until deleted\)/);
    const listed = JSON.parse((await run(['backup', 'list', '--json'], dir)).stdout) as {
      bytes: number;
    }[];
    const total = listed.reduce((n, b) => n + b.bytes, 0);
    expect(list.stdout).toMatch(
      new RegExp(`${listed.length} backup\\(s\\), ${total} bytes in all$`),
    );
    const deleted = await run(['backup', 'delete', taken.name], dir);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(/^Deleted user-.*-manual\.sqlite \(\d+ bytes\)\.$/);
    expect((await run(['backup', 'list'], dir)).stdout).not.toContain(taken.name);
  });
});

// `npm run serve` as a user runs it: a child process that prints its URL,
// answers the contract with the real content DB and user.sqlite, keeps the
// reader's state across a restart on a new port, shuts down cleanly on
// SIGTERM, and refuses bad options in one line.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureContentDb } from '../core/content/ensure';
import { repoRoot } from '../core/paths';

const root = repoRoot();
const entry = path.join(root, 'electron', 'serve', 'main.ts');
let dir: string;
let contentDb: string;
let rendererDir: string;
let userData: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-serve-main-'));
  contentDb = path.join(dir, 'content.sqlite');
  ensureContentDb({ dbPath: contentDb, log: () => {} });
  rendererDir = path.join(dir, 'dist');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>白書</title>');
  userData = path.join(dir, 'user');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Served {
  url: string;
  stop(): Promise<number | null>;
}

function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(stdout);
      if (match?.[1]) {
        resolve({
          url: match[1],
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

/** Calls the API as a script does: the printed URL's token as a bearer token. */
async function session(url: string) {
  const first = await fetch(url, { redirect: 'manual' });
  expect(first.status).toBe(200);
  expect(first.headers.get('set-cookie')).toBeNull();
  const token = new URL(url).searchParams.get('token') ?? '';
  const origin = new URL(url).origin;
  return async (method: string, args: unknown) => {
    const reply = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(args),
    });
    return { status: reply.status, body: (await reply.json()) as { ok: boolean; result: never } };
  };
}

describe('npm run serve', () => {
  it('serves the contract and keeps the reader state across a restart', async () => {
    const args = ['--user-data', userData, '--content', contentDb, '--renderer', rendererDir];
    const first = await serve(args);
    const call = await session(first.url);
    const toc = await call('getToc', {});
    expect(toc.status).toBe(200);
    expect((toc.body.result as { id: string }[]).map((e) => e.id)).toContain('us-3');
    expect((await call('setPrefs', { theme: 'sepia', writingMode: 'vertical' })).status).toBe(200);
    expect((await call('setPosition', { sectionId: 'us-3', scroll: 0.4 })).status).toBe(200);
    expect(await first.stop()).toBe(0);

    const second = await serve(args);
    expect(new URL(second.url).searchParams.get('token')).not.toBe(
      new URL(first.url).searchParams.get('token'),
    );
    const again = await session(second.url);
    expect((await again('getPrefs', {})).body.result).toMatchObject({
      theme: 'sepia',
      writingMode: 'vertical',
    });
    expect((await again('getPosition', {})).body.result).toEqual({
      sectionId: 'us-3',
      scroll: 0.4,
    });
    expect(await second.stop()).toBe(0);
    expect(fs.existsSync(path.join(userData, 'user.sqlite'))).toBe(true);
  });

  it('refuses bad options in one line', () => {
    for (const args of [
      ['--port', 'abc'],
      ['--port', '70000'],
      ['--nope'],
      ['--content', path.join(dir, 'missing.sqlite')],
    ]) {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', entry, ...args, '--renderer', rendererDir, '--user-data', userData],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^hakusho serve: /);
    }
  });
});

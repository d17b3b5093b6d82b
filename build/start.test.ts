// `npm start` where Electron cannot run (as on CI: the binary is never
// downloaded): it builds the missing content DB, says why in one line, and
// serves the browser edition at a tokenised URL that answers the contract.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-start-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm start without an Electron runtime', () => {
  it('prints one line saying so, then the browser edition URL', async () => {
    const renderer = path.join(dir, 'dist');
    fs.mkdirSync(renderer);
    fs.writeFileSync(path.join(renderer, 'index.html'), '<title>白書</title>');
    const emptyDist = path.join(dir, 'no-electron');
    fs.mkdirSync(emptyDist);
    const contentDb = path.join(dir, 'content.sqlite');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'build', 'start.ts'),
        '--user-data',
        path.join(dir, 'user'),
        '--renderer',
        renderer,
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          HAKUSHO_CONTENT_DB: contentDb,
          // A display, so that the runtime check is what decides; an empty
          // override folder, so that nothing is downloaded or launched.
          DISPLAY: ':99',
          ELECTRON_OVERRIDE_DIST_PATH: emptyDist,
        },
      },
    );
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const m = /^Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(stdout);
        if (m?.[1]) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`npm start exited ${code}: ${stdout}`)));
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^Not opening the desktop app: the Electron runtime is unavailable: .*\(ELECTRON_OVERRIDE_DIST_PATH is set, so nothing is downloaded\); serving the browser edition\.$/,
    );
    expect(fs.existsSync(contentDb)).toBe(true);

    // The page keeps the printed token and sends it as a bearer token (no cookie).
    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toBeNull();
    const token = new URL(url).searchParams.get('token') ?? '';
    const reply = await fetch(`${new URL(url).origin}/api/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '半導体' }),
    });
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as { result: { results: { hits: number }[] } };
    expect(body.result.results.length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

// Running Electron's installer, with stand-in install.js scripts (nothing is
// downloaded): a failure becomes one short reason, a hang is stopped by the time
// limit, and the download folder is watched for progress and then removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderBytes, installElectronRuntime, installerFailureReason } from './electron-install';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function fakeElectron(installer: string | null): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-install-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  if (installer !== null) fs.writeFileSync(path.join(dir, 'install.js'), installer);
  return dir;
}

describe('installerFailureReason', () => {
  it("keeps the installer's error, not its stack", () => {
    const output = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      '    at async FetchDownloader.download (file:///x/FetchDownloader.js:46:30)',
    ].join('\n');
    expect(installerFailureReason(output, 1)).toBe('fetch failed');
    expect(
      installerFailureReason('HTTPError: Response code 404 (Not Found) for https://x/y.zip', 1),
    ).toBe('Response code 404 (Not Found) for https://x/y.zip');
    expect(installerFailureReason('', 3)).toBe('exit code 3');
    expect(installerFailureReason(`Error: ${'x'.repeat(400)}`, 1)).toHaveLength(200);
  });
});

describe('installElectronRuntime', () => {
  it('reports a failed installer in one line and cleans its download folder', async () => {
    const dir = fakeElectron(`
      const fs = require('fs'), path = require('path'), os = require('os');
      fs.writeFileSync(path.join(os.tmpdir(), 'partial.zip'), Buffer.alloc(1000));
      fs.writeFileSync(path.join(__dirname, 'tmpdir.txt'), os.tmpdir());
      console.error(new TypeError('fetch failed').stack);
      process.exit(1);
    `);
    const result = await installElectronRuntime({
      electronDir: dir,
      timeoutMs: 20_000,
      log: () => {},
    });
    expect(result).toEqual({ ok: false, reason: 'fetch failed' });
    const tmp = fs.readFileSync(path.join(dir, 'tmpdir.txt'), 'utf8');
    expect(path.basename(tmp)).toMatch(/^hakusho-electron-download-/);
    expect(fs.existsSync(tmp)).toBe(false);
  });

  it('succeeds when the installer does, reporting progress on the way', async () => {
    const dir = fakeElectron(`
      const fs = require('fs'), path = require('path'), os = require('os');
      const file = path.join(os.tmpdir(), 'electron.zip');
      let n = 0;
      const t = setInterval(() => {
        fs.appendFileSync(file, Buffer.alloc(500_000));
        if (++n === 6) { clearInterval(t); fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron'); }
      }, 50);
    `);
    const logs: string[] = [];
    const result = await installElectronRuntime({
      electronDir: dir,
      timeoutMs: 20_000,
      log: (l) => logs.push(l),
      progressMs: 60,
    });
    expect(result).toEqual({ ok: true });
    expect(fs.readFileSync(path.join(dir, 'path.txt'), 'utf8')).toBe('electron');
    expect(logs.some((l) => /downloaded \d+\.\d MB/.test(l))).toBe(true);
  });

  it('stops an installer that does not finish within the time limit', async () => {
    const dir = fakeElectron('setInterval(() => {}, 1000);');
    const result = await installElectronRuntime({
      electronDir: dir,
      timeoutMs: 300,
      log: () => {},
    });
    expect(result).toEqual({ ok: false, reason: 'no answer within 0.3 s' });
  });

  it('says so when the electron package has no installer', async () => {
    const dir = fakeElectron(null);
    const result = await installElectronRuntime({
      electronDir: dir,
      timeoutMs: 1000,
      log: () => {},
    });
    expect(result).toEqual({ ok: false, reason: `${path.join(dir, 'install.js')} is missing` });
  });

  it('folderBytes sums a folder tree and is 0 for none', () => {
    const dir = fakeElectron(null);
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a', 'b'), Buffer.alloc(10));
    expect(folderBytes(dir)).toBe(10 + fs.statSync(path.join(dir, 'package.json')).size);
    expect(folderBytes(path.join(dir, 'none'))).toBe(0);
  });
});

// The checks npm start makes before launching Electron.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayProblem, findElectronBinary, installBlocked } from './electron-runtime';

function fakeElectron(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-electron-'));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

describe('findElectronBinary', () => {
  it('reports a package that is not installed', () => {
    expect(findElectronBinary(path.join(os.tmpdir(), 'no-such-electron'), {})).toEqual({
      ok: false,
      reason: 'the electron package is not installed',
    });
  });

  it('reports a binary that was never downloaded (no path.txt), as on CI', () => {
    const dir = fakeElectron({ 'package.json': '{}' });
    expect(findElectronBinary(dir, {})).toEqual({
      ok: false,
      reason: 'the Electron binary was never downloaded',
    });
  });

  it('reports a binary named in path.txt but absent', () => {
    const dir = fakeElectron({ 'package.json': '{}', 'path.txt': 'electron' });
    const check = findElectronBinary(dir, {});
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain('missing');
  });

  it('finds a present binary, also through ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dir = fakeElectron({ 'package.json': '{}', 'path.txt': 'electron', 'dist/electron': '' });
    expect(findElectronBinary(dir, {})).toEqual({
      ok: true,
      binary: path.join(dir, 'dist', 'electron'),
    });
    const other = fakeElectron({ electron: '' });
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: other })).toEqual({
      ok: true,
      binary: path.join(other, 'electron'),
    });
  });

  it('matches the real install here: the electron package without its binary', () => {
    const check = findElectronBinary(path.resolve('node_modules', 'electron'));
    if (!fs.existsSync(path.resolve('node_modules', 'electron', 'path.txt'))) {
      expect(check.ok).toBe(false);
    }
  });
});

describe('displayProblem', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux only', () => {
    expect(displayProblem('linux', {})).toContain('no display');
    expect(displayProblem('linux', { DISPLAY: ':0' })).toBeNull();
    expect(displayProblem('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(displayProblem('darwin', {})).toBeNull();
    expect(displayProblem('win32', {})).toBeNull();
  });
});

describe('installBlocked', () => {
  it("lets start run Electron's installer only where it would help", () => {
    const dir = fakeElectron({ 'package.json': '{}', 'install.js': '' });
    expect(installBlocked(dir, {})).toBeNull();
    expect(installBlocked(dir, { ELECTRON_OVERRIDE_DIST_PATH: '/elsewhere' })).toContain(
      'ELECTRON_OVERRIDE_DIST_PATH',
    );
    expect(installBlocked(fakeElectron({ 'package.json': '{}' }), {})).toContain('install.js');
  });
});

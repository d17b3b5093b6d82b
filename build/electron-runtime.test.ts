// The checks npm start makes before launching Electron.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayProblem, findElectronBinary, nativeModuleProblem } from './electron-runtime';

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

describe('nativeModuleProblem', () => {
  function project(abi: string, moduleText: string | null): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-abi-'));
    fs.mkdirSync(path.join(dir, 'node_modules', 'electron'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'electron', 'abi_version'), abi);
    if (moduleText !== null) {
      const release = path.join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release');
      fs.mkdirSync(release, { recursive: true });
      fs.writeFileSync(path.join(release, 'better_sqlite3.node'), `\x7fELF..${moduleText}..`);
    }
    return dir;
  }

  it('accepts a module built for Electron', () => {
    expect(nativeModuleProblem(project('140', 'node_register_module_v140'))).toBeNull();
  });

  it('explains a module built for Node, with the command that fixes it', () => {
    const problem = nativeModuleProblem(project('140', 'node_register_module_v115'));
    expect(problem).toContain('built for Node (ABI 115), not Electron (ABI 140)');
    expect(problem).toContain('install-app-deps');
  });

  it('reports a missing module', () => {
    expect(nativeModuleProblem(project('140', null))).toContain('cannot be checked');
  });

  it("reads this checkout's real module", () => {
    const problem = nativeModuleProblem(path.resolve('.'));
    // CI keeps Node's build; a desktop checkout may have rebuilt it for Electron.
    if (problem !== null) expect(problem).toMatch(/^better-sqlite3 is built for Node \(ABI \d+\)/);
  });
});

// Window size and position: kept when still on a display, repaired or
// replaced when not, never trusted when damaged; saved atomically.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SIZE,
  loadWindowState,
  parseWindowState,
  restoreBounds,
  saveWindowState,
} from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };
const saved = { x: 100, y: 80, width: 1000, height: 700, maximized: false, fullScreen: false };

describe('restoreBounds', () => {
  it('keeps a saved position that is on a display', () => {
    expect(restoreBounds(saved, [laptop]).bounds).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
    });
    const onExternal = { ...saved, x: 2000, y: 200 };
    expect(restoreBounds(onExternal, [laptop, external]).bounds).toMatchObject({ x: 2000, y: 200 });
  });

  it('falls back to the default size when the saved display is gone', () => {
    const onExternal = { ...saved, x: 2000, y: 200, maximized: true };
    const restored = restoreBounds(onExternal, [laptop]);
    expect(restored.bounds).toEqual(DEFAULT_SIZE);
    expect(restored.maximized).toBe(true);
  });

  it('shrinks and moves a window larger than its display', () => {
    const huge = { ...saved, x: 200, y: 10, width: 3000, height: 2000 };
    expect(restoreBounds(huge, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('uses the default without saved state', () => {
    expect(restoreBounds(null, [laptop])).toEqual({
      bounds: { width: 1200, height: 820 },
      maximized: false,
      fullScreen: false,
    });
  });
});

describe('window-state file', () => {
  it('round-trips and ignores damaged or foreign content', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-ws-'));
    const file = path.join(dir, 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    saveWindowState(file, saved);
    expect(loadWindowState(file)).toEqual(saved);
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
    fs.writeFileSync(file, '{"x":1,');
    expect(loadWindowState(file)).toBeNull();
    for (const bad of [
      null,
      [],
      { x: 'a' },
      { ...saved, width: 10 },
      { ...saved, y: Infinity },
      { ...saved, x: 1e9 },
    ]) {
      expect(parseWindowState(bad)).toBeNull();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a failed save (disk error at the rename) keeps the previous state and no temp file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-ws-'));
    const file = path.join(dir, 'window-state.json');
    saveWindowState(file, saved);
    const before = fs.readFileSync(file);
    const rename = vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
    });
    expect(() => saveWindowState(file, { ...saved, x: saved.x + 100 })).toThrow('EIO');
    rename.mockRestore();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

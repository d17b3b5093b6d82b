import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshness, ignoredInput, newestInputMtime, scriptUnavailable } from './build-outputs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('freshness', () => {
  it('is missing, stale or fresh by the oldest output against the newest input', () => {
    expect(freshness([{ file: 'a', mtimeMs: null }], 5)).toEqual({ state: 'missing', file: 'a' });
    expect(
      freshness(
        [
          { file: 'a', mtimeMs: 10 },
          { file: 'b', mtimeMs: 4 },
        ],
        5,
      ),
    ).toEqual({ state: 'stale', file: 'b' });
    expect(freshness([{ file: 'a', mtimeMs: 5 }], 5)).toEqual({ state: 'fresh' });
  });

  it('ignores outputs, tests and dependencies when finding the newest input', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hakusho-fresh-'));
    dirs.push(root);
    const file = (rel: string, t: number) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), 'x');
      utimesSync(path.join(root, rel), t, t);
    };
    file('renderer/src/App.svelte', 1000);
    file('renderer/dist/index.html', 5000);
    file('renderer/src/App.test.ts', 6000);
    file('renderer/node_modules/x/index.js', 7000);
    expect(newestInputMtime(root, ['renderer', 'does-not-exist'])).toBe(1000 * 1000);
    expect(ignoredInput('data/content.sqlite-wal')).toBe(true);
    expect(ignoredInput('electron/core/api.ts')).toBe(false);
  });
});

describe('scriptUnavailable', () => {
  const scripts = {
    'build:electron': 'tsx build/bundle-electron.ts',
    'build:renderer': 'vite build --config renderer/vite.config.ts',
  };

  it('says which file a declared script still lacks', () => {
    expect(scriptUnavailable('build:electron', scripts, () => false)).toBe(
      '"build:electron" runs tsx build/bundle-electron.ts, but build/bundle-electron.ts does not exist yet',
    );
    expect(scriptUnavailable('build:renderer', scripts, () => false)).toMatch(
      /renderer\/vite\.config\.ts does not exist yet/,
    );
  });

  it('says when a script is not declared at all, and is null when it can run', () => {
    expect(scriptUnavailable('build:content', scripts, () => true)).toBe(
      'package.json declares no "build:content" script',
    );
    expect(scriptUnavailable('build:electron', scripts, () => true)).toBeNull();
  });
});

// When the `hakusho` launcher rebuilds the CLI bundle: when it is missing, and
// when a source is newer than it (but not for a test or test support file); never
// where there are no sources to build from.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, CLI_WORKER_BUNDLE, cliBundleOutdated } from './cli-bundle.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(): { root: string; file(rel: string, seconds: number): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hakusho-cli-bundle-'));
  dirs.push(root);
  return {
    root,
    file(rel, seconds) {
      const abs = path.join(root, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, 'x');
      utimesSync(abs, seconds, seconds);
    },
  };
}

describe('cliBundleOutdated', () => {
  it('is missing, then stale after a source changes, and current otherwise', () => {
    const p = project();
    p.file('electron/cli/main.ts', 1000);
    p.file('electron/core/api.ts', 1000);
    expect(cliBundleOutdated(p.root)).toBe('missing');
    p.file(CLI_BUNDLE, 2000);
    // The import worker beside it is part of the bundle.
    expect(cliBundleOutdated(p.root)).toBe('missing');
    p.file(CLI_WORKER_BUNDLE, 2000);
    expect(cliBundleOutdated(p.root)).toBeNull();
    p.file('electron/core/library/handlers.test.ts', 3000);
    p.file('electron/core/testing/user-data.ts', 3000);
    expect(cliBundleOutdated(p.root)).toBeNull();
    p.file('electron/core/api.ts', 3000);
    expect(cliBundleOutdated(p.root)).toBe('stale');
    p.file(CLI_BUNDLE, 4000);
    p.file('package-lock.json', 5000);
    expect(cliBundleOutdated(p.root)).toBe('stale');
  });

  it('runs the bundle as it is where there are no sources', () => {
    const p = project();
    expect(cliBundleOutdated(p.root)).toBeNull();
  });
});

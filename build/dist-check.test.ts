import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPackageWithOptions, getRawHeader } from '@electron/asar';
import { afterEach, describe, expect, it } from 'vitest';
import { asarEntries } from './dist-check';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('asarEntries', () => {
  it('lists every file of a real archive with its unpacked flag', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hakusho-asar-'));
    dirs.push(dir);
    const src = path.join(dir, 'app');
    mkdirSync(path.join(src, 'node_modules', 'm', 'build'), { recursive: true });
    mkdirSync(path.join(src, 'dist-electron'));
    writeFileSync(path.join(src, 'package.json'), '{}');
    writeFileSync(path.join(src, 'dist-electron', 'main.cjs'), '');
    writeFileSync(path.join(src, 'node_modules', 'm', 'build', 'm.node'), 'bin');
    const archive = path.join(dir, 'app.asar');
    await createPackageWithOptions(src, archive, { unpack: '*.node' });
    const { header } = getRawHeader(archive) as unknown as {
      header: Parameters<typeof asarEntries>[0];
    };
    expect(asarEntries(header).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'dist-electron/main.cjs', unpacked: false },
      { path: 'node_modules/m/build/m.node', unpacked: true },
      { path: 'package.json', unpacked: false },
    ]);
  });
});

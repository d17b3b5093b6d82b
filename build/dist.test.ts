import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import afterPack from './after-pack.mjs';
import { builderArgs, builderEnv, verifyPacked } from './dist';
import { NATIVE_BINARY } from './ship-rules';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_ABI = 150;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** release/linux-unpacked as electron-builder leaves it, with a synthetic binary and .node. */
function release(opts: { abi: number; wire: boolean }) {
  const releaseDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'hakusho-release-')), 'release');
  dirs.push(path.dirname(releaseDir));
  const appOutDir = path.join(releaseDir, 'linux-unpacked');
  const native = path.join(appOutDir, 'resources', 'app.asar.unpacked', NATIVE_BINARY);
  mkdirSync(path.dirname(native), { recursive: true });
  writeFileSync(native, `\u007fELF…node_register_module_v${opts.abi}\u0000…`);
  writeFileSync(path.join(appOutDir, 'resources', 'content.sqlite'), 'db');
  const wire = opts.wire ? `${SENTINEL}\u0001\u0009101100011` : '#!/bin/sh';
  writeFileSync(path.join(appOutDir, 'hakusho-reader'), `padding${wire}padding`, 'latin1');
  const context = {
    appOutDir,
    electronPlatformName: 'linux',
    arch: 1,
    packager: { executableName: 'hakusho-reader', appInfo: { productFilename: 'Hakusho Reader' } },
  };
  return { releaseDir, context };
}

describe('npm run dist', () => {
  it('builds for this OS unless platforms are named', () => {
    expect(builderArgs([], 'linux')).toEqual(['--linux', '--publish', 'never']);
    expect(builderArgs([], 'darwin')).toEqual(['--mac', '--publish', 'never']);
    expect(builderArgs(['--win', '--x64'], 'linux')).toEqual([
      '--win',
      '--publish',
      'never',
      '--x64',
    ]);
    expect(() => builderArgs([], 'aix')).toThrow(/no installer target/);
  });

  it('drops npm’s nodedir so the native rebuild targets Electron, not Node', () => {
    const env = builderEnv({
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      PATH: '/bin',
    });
    expect(env).toEqual({ PATH: '/bin' });
  });
});

describe('verifyPacked (the release gate)', () => {
  it('accepts an app built for Electron’s ABI whose fuses the afterPack hook flipped', async () => {
    const { releaseDir, context } = release({ abi: ELECTRON_ABI, wire: true });
    await afterPack(context);
    const lines: string[] = [];
    expect(await verifyPacked(releaseDir, ELECTRON_ABI, (l) => lines.push(l))).toEqual([]);
    expect(lines.join('\n')).toMatch(/built for Electron.*\n.*fuses flipped/);
  });

  it('refuses the Node build of better-sqlite3 (the ~/.npmrc nodedir trap)', async () => {
    const { releaseDir, context } = release({ abi: 115, wire: true });
    await afterPack(context);
    const problems = await verifyPacked(releaseDir, ELECTRON_ABI, () => undefined);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^release\/linux-unpacked: better-sqlite3 ABI 115/);
  });

  it('refuses a binary whose fuses were not flipped, or which has none', async () => {
    const unflipped = release({ abi: ELECTRON_ABI, wire: true });
    expect(await verifyPacked(unflipped.releaseDir, ELECTRON_ABI, () => undefined)).toEqual([
      'release/linux-unpacked: fuses still on: RunAsNode, EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments',
    ]);
    const stub = release({ abi: ELECTRON_ABI, wire: false });
    const problems = await verifyPacked(stub.releaseDir, ELECTRON_ABI, () => undefined);
    expect(problems[0]).toMatch(/cannot read the fuse wire/);
  });

  it('refuses an empty release folder', async () => {
    const { releaseDir } = release({ abi: ELECTRON_ABI, wire: true });
    rmSync(path.join(releaseDir, 'linux-unpacked'), { recursive: true });
    expect(await verifyPacked(releaseDir, ELECTRON_ABI, () => undefined)).toEqual([
      'no packed app found in release/',
    ]);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import afterPack, { electronBinaryPath, readerFuses, resourcesDir } from './after-pack.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's defaults: RunAsNode, NODE_OPTIONS, --inspect, file:// privileges, wasm traps on. */
const ELECTRON_DEFAULT_WIRE = '101100011';

let dir: string;
const savedEnv = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hakusho-afterpack-'));
  delete process.env.HAKUSHO_DIST_CHECK_STUB;
  delete process.env.HAKUSHO_DIST_CHECK_REPORT;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  process.env = { ...savedEnv };
});

/** A packed Linux app whose "binary" is padding around a real fuse wire (or none). */
function packedLinuxApp(withWire: boolean) {
  const appOutDir = path.join(dir, 'linux-unpacked');
  mkdirSync(path.join(appOutDir, 'resources'), { recursive: true });
  writeFileSync(path.join(appOutDir, 'resources', 'content.sqlite'), 'db');
  const pad = Buffer.alloc(4096, 0x2e);
  const wire = withWire
    ? Buffer.concat([
        Buffer.from(SENTINEL, 'latin1'),
        Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
        Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1'),
      ])
    : Buffer.from('#!/bin/sh\nexit 1\n');
  writeFileSync(path.join(appOutDir, 'hakusho-reader'), Buffer.concat([pad, wire, pad]));
  return {
    appOutDir,
    electronPlatformName: 'linux',
    arch: 1,
    packager: { executableName: 'hakusho-reader', appInfo: { productFilename: 'Hakusho Reader' } },
  };
}

describe('afterPack', () => {
  it('flips the reader fuses in an Electron binary and makes the content DB read-only', async () => {
    const context = packedLinuxApp(true);
    await afterPack(context);
    const wire = await getCurrentFuseWire(path.join(context.appOutDir, 'hakusho-reader'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    if (process.platform !== 'win32') {
      const mode = statSync(path.join(context.appOutDir, 'resources', 'content.sqlite')).mode;
      expect(mode & 0o777).toBe(0o444);
    }
  });

  it('refuses a binary without a fuse wire unless dist:check says it is the stub', async () => {
    await expect(afterPack(packedLinuxApp(false))).rejects.toThrow(/no Electron fuse wire/);
  });

  it('skips flipping in the dist:check stub and reports what it would flip', async () => {
    const report = path.join(dir, 'report.json');
    process.env.HAKUSHO_DIST_CHECK_STUB = '1';
    process.env.HAKUSHO_DIST_CHECK_REPORT = report;
    await afterPack(packedLinuxApp(false));
    const written = JSON.parse(readFileSync(report, 'utf8')) as {
      flipped: boolean;
      fuses: Record<string, unknown>;
    };
    expect(written.flipped).toBe(false);
    expect(written.fuses[String(FuseV1Options.RunAsNode)]).toBe(false);
  });

  it('fails when the content database did not land in resources/', async () => {
    const context = packedLinuxApp(true);
    rmSync(path.join(context.appOutDir, 'resources', 'content.sqlite'));
    await expect(afterPack(context)).rejects.toThrow(/content\.sqlite is missing/);
  });
});

describe('readerFuses', () => {
  it('sets every fuse, with asar integrity only where electron-builder embeds it', () => {
    const linux = readerFuses('linux', 'x64');
    expect(linux.strictlyRequireAllFuses).toBe(true);
    const fuseKeys = Object.keys(linux).filter((k) => /^\d+$/.test(k));
    expect(fuseKeys).toHaveLength(Object.keys(FuseV1Options).length / 2);
    expect(linux[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(false);
    expect(readerFuses('win32', 'x64')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(
      true,
    );
    expect(readerFuses('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
    expect(readerFuses('darwin', 'x64').resetAdHocDarwinSignature).toBe(false);
  });

  it('finds the binary and resources the way electron-builder lays them out', () => {
    const packager = {
      executableName: 'hakusho-reader',
      appInfo: { productFilename: 'Hakusho Reader' },
    };
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(
      path.join('/o', 'Hakusho Reader.exe'),
    );
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(
      path.join('/o', 'Hakusho Reader.app'),
    );
    expect(resourcesDir('/o', 'darwin', 'Hakusho Reader')).toBe(
      path.join('/o', 'Hakusho Reader.app', 'Contents', 'Resources'),
    );
  });
});

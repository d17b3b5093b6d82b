import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { configProblems, targetNames } from './config-rules';

const root = path.resolve(import.meta.dirname, '..');
const exists = (rel: string) => existsSync(path.join(root, rel));
const read = (rel: string) =>
  existsSync(path.join(root, rel)) ? readFileSync(path.join(root, rel), 'utf8') : null;
const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<
  typeof validateConfiguration
>[1];

async function projectConfig(): Promise<Configuration> {
  return getConfig(root, path.join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema and the project rules', async () => {
    const config = await projectConfig();
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    expect(configProblems(config, exists, read)).toEqual([]);
  });

  it('is refused by the schema when it holds an unknown key', async () => {
    const config = { ...(await projectConfig()), bogusOption: true } as Configuration;
    await expect(validateConfiguration(config, quietLogger)).rejects.toThrow(/bogusOption/);
  });
});

describe('configProblems', () => {
  it('names each broken rule', async () => {
    const good = await projectConfig();
    const broken: Configuration = {
      ...good,
      productName: 'hakusho',
      linux: { ...good.linux, target: ['AppImage'] },
      win: { ...good.win, target: 'portable' },
      extraResources: ['data/content.sqlite'],
      asarUnpack: [],
      files: ['**/*'],
      afterPack: null,
      npmRebuild: false,
      nsis: { ...good.nsis, deleteAppDataOnUninstall: true },
      mac: { ...good.mac, icon: 'build/missing.icns' },
      protocols: [{ name: 'Other', schemes: ['other-app'] }],
    };
    expect(configProblems(broken, exists, read)).toEqual([
      'productName is hakusho, expected "Hakusho Reader"',
      'linux.target lacks deb',
      'win.target lacks nsis',
      'extraResources does not ship data/content.sqlite as content.sqlite',
      'asarUnpack does not unpack native modules (**/*.node)',
      'files does not start node_modules from an empty whitelist (!node_modules/**/*)',
      'afterPack is null, expected ./build/after-pack.mjs (fuses)',
      'npmRebuild is false: `npm run dist` would ship the Node build of better-sqlite3',
      'mac.icon build/missing.icns does not exist',
      'protocols does not declare the hakusho-reader:// scheme (deep links)',
      'nsis.deleteAppDataOnUninstall would delete bookmarks and notes',
    ]);
  });

  it('wants the deep-link scheme declared, in either shape electron-builder accepts', async () => {
    const good = await projectConfig();
    const problem = 'protocols does not declare the hakusho-reader:// scheme (deep links)';
    expect(configProblems({ ...good, protocols: undefined }, exists, read)).toEqual([problem]);
    expect(
      configProblems(
        { ...good, protocols: { name: 'H', schemes: ['hakusho-reader'] } },
        exists,
        read,
      ),
    ).toEqual([]);
  });

  it('protects what ASAR integrity does not cover, on Windows and macOS', async () => {
    const good = await projectConfig();
    expect(good.nsis?.perMachine).toBe(true);
    expect(good.win?.signExts).toContain('.node');
    const weak: Configuration = {
      ...good,
      nsis: { ...good.nsis, perMachine: false },
      win: { ...good.win, signExts: ['.dll', '!.node'] },
      mac: {
        ...good.mac,
        hardenedRuntime: false,
        entitlements: null,
        entitlementsInherit: 'x.plist',
      },
    };
    expect(configProblems(weak, exists, read)).toEqual([
      'nsis.perMachine is not true: a per-user install lets any program the user runs replace better_sqlite3.node and content.sqlite',
      'win.signExts does not sign .node files (the unpacked native module)',
      'mac.hardenedRuntime is false: library validation would be off',
      "mac.entitlements is not set: electron-builder's template disables library validation",
      'mac.entitlementsInherit x.plist does not exist',
    ]);
  });

  it('reads the entitlements files and refuses library validation turned off', async () => {
    const good = await projectConfig();
    const template = path.join(
      root,
      'node_modules',
      'app-builder-lib',
      'templates',
      'entitlements.mac.plist',
    );
    const withTemplate: Configuration = {
      ...good,
      mac: { ...good.mac, entitlements: 'template.plist' },
    };
    const problems = configProblems(
      withTemplate,
      (rel) => rel === 'template.plist' || exists(rel),
      (rel) => (rel === 'template.plist' ? readFileSync(template, 'utf8') : read(rel)),
    );
    expect(problems).toEqual([
      'mac.entitlements template.plist grants com.apple.security.cs.allow-unsigned-executable-memory, which is needed by Electron 11 and older only, and widens what code can run',
      'mac.entitlements template.plist grants com.apple.security.cs.disable-library-validation, which would let the app load native code not signed by its team (a replaced better_sqlite3.node)',
    ]);
  });

  it('reads target lists written as strings or {target, arch}', () => {
    expect(targetNames(['AppImage', { target: 'deb', arch: ['x64'] }])).toEqual([
      'appimage',
      'deb',
    ]);
    expect(targetNames('nsis')).toEqual(['nsis']);
    expect(targetNames(undefined)).toEqual([]);
  });
});

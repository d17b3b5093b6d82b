import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_DB_ENV,
  defaultContentDbPath,
  platformUserDataDir,
  repoRoot,
  resolveUserDataDir,
  USER_DATA_ENV,
  userDataOverride,
} from './paths';

describe('user-data folder', () => {
  it('matches Electron userData for the product name on each OS', () => {
    expect(platformUserDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/Hakusho Reader');
    expect(platformUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe(
      '/x/Hakusho Reader',
    );
    expect(platformUserDataDir('darwin', {}, '/Users/a')).toBe(
      '/Users/a/Library/Application Support/Hakusho Reader',
    );
    expect(
      platformUserDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a'),
    ).toBe('C:\\Users\\a\\AppData\\Roaming\\Hakusho Reader');
  });
  it('prefers the flag, then the user-data variable, then the platform folder', () => {
    expect(resolveUserDataDir('/tmp/flag', { [USER_DATA_ENV]: '/tmp/env' })).toBe('/tmp/flag');
    expect(resolveUserDataDir(undefined, { [USER_DATA_ENV]: '/tmp/env' })).toBe('/tmp/env');
    expect(userDataOverride(undefined, { [USER_DATA_ENV]: '' })).toBeUndefined();
    expect(userDataOverride('rel', {})).toBe(path.resolve('rel'));
  });
});

describe('checkout paths', () => {
  it('finds the checkout by its package.json, wherever the code was bundled to', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
    expect(pkg.name).toBe('hakusho-reader');
    expect(fs.existsSync(path.join(repoRoot(), 'electron', 'core', 'paths.ts'))).toBe(true);
  });
  it('uses the content variable when set, else data/content.sqlite of the checkout', () => {
    expect(defaultContentDbPath('/co', {})).toBe(path.join('/co', 'data', 'content.sqlite'));
    expect(defaultContentDbPath('/co', { [CONTENT_DB_ENV]: '/x.sqlite' })).toBe('/x.sqlite');
  });
});

import { describe, expect, it } from 'vitest';
import { platformUserDataDir, resolveUserDataDir } from './paths';

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
  it('prefers the flag, then HAKUSHO_USER_DATA', () => {
    expect(resolveUserDataDir('/tmp/flag', { HAKUSHO_USER_DATA: '/tmp/env' })).toBe('/tmp/flag');
    expect(resolveUserDataDir(undefined, { HAKUSHO_USER_DATA: '/tmp/env' })).toBe('/tmp/env');
  });
});

import { describe, expect, it } from 'vitest';
import { builderArgs, builderEnv } from './dist';

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

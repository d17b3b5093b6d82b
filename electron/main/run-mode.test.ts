// Which runs are development runs, and the debugging switches a release run
// refuses, read the way Chromium reads a command line.
import { describe, expect, it } from 'vitest';
import {
  isDevelopmentRun,
  REFUSED_SWITCHES,
  refusedSwitchesInArgv,
  startRefusal,
} from './run-mode';

describe('isDevelopmentRun', () => {
  it('is `electron .` in a checkout only', () => {
    expect(isDevelopmentRun({ defaultApp: true, isPackaged: false })).toBe(true);
  });

  it('is not an installed app binary renamed `electron` (isPackaged false, no default app)', () => {
    expect(isDevelopmentRun({ defaultApp: undefined, isPackaged: false })).toBe(false);
  });

  it('is not an installed app, nor one forced packaged', () => {
    expect(isDevelopmentRun({ defaultApp: undefined, isPackaged: true })).toBe(false);
    expect(isDevelopmentRun({ defaultApp: true, isPackaged: true })).toBe(false);
  });
});

describe('refusedSwitchesInArgv', () => {
  const exe = '/opt/Hakusho Reader/hakusho-reader';

  it('finds each refused switch in the forms Chromium accepts', () => {
    for (const arg of [
      '--remote-debugging-port=9222',
      '--remote-debugging-port',
      '-remote-debugging-port=9222',
    ])
      expect(refusedSwitchesInArgv([exe, arg], 'linux'), arg).toEqual(['remote-debugging-port']);
    expect(refusedSwitchesInArgv([exe, '--remote-debugging-pipe'], 'darwin')).toEqual([
      'remote-debugging-pipe',
    ]);
    expect(refusedSwitchesInArgv([exe, '--js-flags=--allow-natives-syntax'], 'linux')).toEqual([
      'js-flags',
    ]);
    expect(
      refusedSwitchesInArgv(
        [exe, '--js-flags=x', 'hakusho-reader://section/us-3', '--remote-debugging-pipe'],
        'linux',
      ),
    ).toEqual(['remote-debugging-pipe', 'js-flags']);
  });

  it('reads names case-insensitively and `/` switches on Windows only', () => {
    const win = ['C:\\Hakusho\\Hakusho Reader.exe'];
    expect(refusedSwitchesInArgv([...win, '--Remote-Debugging-Port=1'], 'win32')).toEqual([
      'remote-debugging-port',
    ]);
    expect(refusedSwitchesInArgv([...win, '/remote-debugging-port=1'], 'win32')).toEqual([
      'remote-debugging-port',
    ]);
    expect(refusedSwitchesInArgv([exe, '--Remote-Debugging-Port=1'], 'linux')).toEqual([]);
    expect(refusedSwitchesInArgv([exe, '/remote-debugging-port=1'], 'darwin')).toEqual([]);
  });

  it('ignores the executable, arguments after `--` and lookalikes', () => {
    expect(refusedSwitchesInArgv(['--remote-debugging-port=1'], 'linux')).toEqual([]);
    expect(refusedSwitchesInArgv([exe, '--', '--remote-debugging-port=1'], 'linux')).toEqual([]);
    for (const arg of [
      '--remote-debugging-portal',
      '--remote-debugging',
      'remote-debugging-port',
      '--user-data=--remote-debugging-port',
      '--',
      '-',
    ])
      expect(refusedSwitchesInArgv([exe, arg], 'linux'), arg).toEqual([]);
  });
});

describe('startRefusal', () => {
  const argv = ['/opt/hakusho-reader', '--remote-debugging-port=9222'];
  const none = () => false;

  it('stops a release run that has a refused switch, naming it', () => {
    expect(startRefusal(false, argv, 'linux', none)).toMatch(
      /^refusing to start with --remote-debugging-port: /,
    );
  });

  it('also when only Chromium’s own parse of the command line has it', () => {
    for (const name of REFUSED_SWITCHES) {
      const message = startRefusal(false, ['/opt/hakusho-reader'], 'win32', (s) => s === name);
      expect(message, name).toContain(`--${name}`);
    }
  });

  it('lets a release run without them, and any development run, start', () => {
    expect(
      startRefusal(false, ['/opt/hakusho-reader', '--user-data', '/tmp/p'], 'linux', none),
    ).toBeNull();
    expect(startRefusal(true, argv, 'linux', () => true)).toBeNull();
  });
});

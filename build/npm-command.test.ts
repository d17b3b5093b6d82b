// The command line that runs an npm script on each platform: never npm.cmd
// without a shell (Node refuses it since 20.12.2), always npm's CLI script with
// the running Node where one is found.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledNpmCli, npmHere, npmInvocation } from './npm-command';

const args = ['run', '--silent', 'build:renderer'];
const platforms = {
  win32: {
    execPath: 'C:\\Program Files\\nodejs\\node.exe',
    npmExecPath: 'C:\\Users\\u\\AppData\\Roaming\\npm\\node_modules\\npm\\bin\\npm-cli.js',
    bundled: 'C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js',
  },
  darwin: {
    execPath: '/opt/homebrew/Cellar/node/20.11.0/bin/node',
    npmExecPath: '/opt/homebrew/lib/node_modules/npm/bin/npm-cli.js',
    bundled: '/opt/homebrew/Cellar/node/20.11.0/lib/node_modules/npm/bin/npm-cli.js',
  },
  linux: {
    execPath: '/usr/bin/node',
    npmExecPath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    bundled: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  },
} as const;

describe('npmInvocation', () => {
  for (const [platform, p] of Object.entries(platforms) as [
    NodeJS.Platform,
    (typeof platforms)[keyof typeof platforms],
  ][]) {
    describe(platform, () => {
      it('runs the npm CLI that started us (npm_execpath) with this Node', () => {
        const inv = npmInvocation(args, {
          platform,
          execPath: p.execPath,
          env: { npm_execpath: p.npmExecPath },
          exists: (f) => f === p.npmExecPath,
        });
        expect(inv).toEqual({ command: p.execPath, args: [p.npmExecPath, ...args] });
      });

      it('else the npm CLI installed beside Node', () => {
        expect(bundledNpmCli(platform, p.execPath)).toBe(p.bundled);
        const inv = npmInvocation(args, {
          platform,
          execPath: p.execPath,
          env: {},
          exists: (f) => f === p.bundled,
        });
        expect(inv).toEqual({ command: p.execPath, args: [p.bundled, ...args] });
      });

      it('ignores another package manager’s or a missing npm_execpath', () => {
        for (const other of ['/usr/lib/node_modules/pnpm/bin/pnpm.cjs', p.npmExecPath]) {
          const inv = npmInvocation(args, {
            platform,
            execPath: p.execPath,
            env: { npm_execpath: other },
            exists: (f) => f === p.bundled,
          });
          expect(inv.args[0], other).toBe(p.bundled);
        }
      });

      it('never spawns npm.cmd (or any batch file)', () => {
        const found = (f: string) => f === p.bundled;
        const inv = npmInvocation(args, { platform, execPath: p.execPath, env: {}, exists: found });
        expect(inv.command).not.toMatch(/\.(cmd|bat)$/i);
      });
    });
  }

  it('falls back to npm on PATH on POSIX, and explains itself on Windows', () => {
    const none = () => false;
    for (const platform of ['linux', 'darwin'] as const) {
      expect(
        npmInvocation(args, { platform, execPath: '/x/bin/node', env: {}, exists: none }),
      ).toEqual({ command: 'npm', args });
    }
    expect(() =>
      npmInvocation(args, {
        platform: 'win32',
        execPath: platforms.win32.execPath,
        env: {},
        exists: none,
      }),
    ).toThrow(/cannot find npm's CLI .* run this through npm/);
  });

  it('runs npm here', () => {
    const inv = npmHere(['--version'], fs.existsSync);
    expect(inv.command).toBe(process.execPath);
    const res = spawnSync(inv.command, inv.args, { encoding: 'utf8', shell: false });
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

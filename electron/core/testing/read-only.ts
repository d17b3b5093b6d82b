// Test support: making a file or a folder truly read-only for a process. CI runs as
// root, for whom permission bits change nothing, so two mechanisms are used:
//  - `chattr +i` (the immutable attribute: not even root may write, rename or
//    create entries; ext4, as root) — released with `chattr -i` in cleanup;
//  - running a child process as an unprivileged user (`setpriv --reuid=65534`), for
//    whom a root-owned 0755 folder and 0644 file are read-only.
// Neither is ever skipped: when one cannot be used, the helper throws with a message
// that says why, and the test fails.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NOBODY_UID = 65534;

const immutable = new Set<string>();

function run(command: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, { encoding: 'utf8' });
}

/**
 * Makes each path immutable (chattr +i); throws, with the reason, when it cannot —
 * and checks that a write really fails afterwards, even for this (root) process.
 */
export function makeImmutable(...paths: string[]): void {
  for (const p of paths) {
    const result = run('chattr', ['+i', p]);
    if (result.error || result.status !== 0)
      throw new Error(
        `cannot make ${p} read-only with "chattr +i" (${result.error?.message ?? result.stderr.trim()}): ` +
          'these tests need root on a file system with the immutable attribute (ext4); they are never skipped',
      );
    immutable.add(p);
    const stat = fs.statSync(p);
    const probe = stat.isDirectory() ? path.join(p, `.probe-${process.pid}`) : p;
    let wrote: boolean;
    try {
      fs.closeSync(fs.openSync(probe, stat.isDirectory() ? 'wx' : 'r+'));
      wrote = true;
      if (stat.isDirectory()) fs.rmSync(probe, { force: true });
    } catch {
      wrote = false;
    }
    if (wrote) throw new Error(`chattr +i ${p} did not make it read-only for this process`);
  }
}

/** Clears the immutable attribute of every path made immutable (call in afterEach). */
export function releaseImmutable(): void {
  for (const p of [...immutable]) {
    run('chattr', ['-i', p]);
    immutable.delete(p);
  }
}

/**
 * A folder an unprivileged user can read (and run Node from) but not write: under
 * /tmp, owned by root, mode 0755 — the repository itself may not be readable by that
 * user. Throws when setpriv cannot run a process as that user.
 */
export function unprivilegedWorkspace(prefix: string): string {
  const probe = run('setpriv', [
    `--reuid=${NOBODY_UID}`,
    `--regid=${NOBODY_UID}`,
    '--clear-groups',
    'id',
    '-u',
  ]);
  if (probe.error || probe.status !== 0 || probe.stdout.trim() !== String(NOBODY_UID))
    throw new Error(
      `cannot run a process as an unprivileged user with setpriv (${probe.error?.message ?? probe.stderr.trim()}): ` +
        'these tests need root and setpriv (util-linux); they are never skipped',
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Runs `command args` as the unprivileged user, with `env`. */
export function runUnprivileged(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): SpawnSyncReturns<string> {
  return spawnSync(
    'setpriv',
    [`--reuid=${NOBODY_UID}`, `--regid=${NOBODY_UID}`, '--clear-groups', command, ...args],
    {
      cwd: options.cwd,
      env: { ...process.env, HOME: options.cwd, ...options.env },
      encoding: 'utf8',
    },
  );
}

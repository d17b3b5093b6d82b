// Crash test: a child process writes in a loop and is killed with SIGKILL at
// random moments, at least 200 times. After each kill, every write the child had
// acknowledged must be present and integrity_check must pass. Children are
// short-lived (a bundled script, killed within tens of milliseconds of starting
// to write) so the whole run stays modest.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from './library';
import { removeDir, tempUserDataDir } from '../testing/user-data';
import { integrityCheck } from './user-db';

const KILLS = 200;
let bundleDir: string;
let childScript: string;
/** Independent profiles killed in parallel (each child has its own), to keep the wall time modest. */
const LANES = 2;
const dirs: string[] = [];

beforeAll(async () => {
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-crash-bundle-'));
  // The bundle resolves better-sqlite3 (left external: a native module) through this link.
  fs.symlinkSync(
    path.resolve(import.meta.dirname, '../../../node_modules'),
    path.join(bundleDir, 'node_modules'),
    'dir',
  );
  childScript = path.join(bundleDir, 'crash-child.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, '../testing/crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile: childScript,
    minify: true,
    logLevel: 'silent',
  });
});
afterAll(() => {
  removeDir(bundleDir);
  for (const dir of dirs) removeDir(dir);
});

interface RunResult {
  acked: Map<string, number>;
  lastAckedScroll: number | null;
  triedAfterAck: number[];
}

/**
 * When a run is killed: `ms` after the child says it is ready (open, migration and
 * the first writes), or at its `acks`-th acknowledged annotation — a kill that a slow,
 * loaded machine cannot push past the end of a run's writes.
 */
type KillAt = { ms: number } | { acks: number };

function runAndKill(dir: string, killAt: KillAt): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir], {
      env: {
        ...process.env,
        NODE_PATH: path.resolve(import.meta.dirname, '../../../node_modules'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: RunResult = { acked: new Map(), lastAckedScroll: null, triedAfterAck: [] };
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const parts = line.split(' ');
        if (line === 'ready' && !timer && 'ms' in killAt)
          timer = setTimeout(() => child.kill('SIGKILL'), killAt.ms);
        else if (parts[0] === 'ack' && parts[1] === 'annotation') {
          result.acked.set(parts[2] as string, Number(parts[3]));
          if ('acks' in killAt && result.acked.size === killAt.acks) child.kill('SIGKILL');
        } else if (parts[0] === 'try' && parts[1] === 'position')
          result.triedAfterAck.push(Number(parts[2]));
        else if (parts[0] === 'ack' && parts[1] === 'position') {
          result.lastAckedScroll = Number(parts[2]);
          result.triedAfterAck = [];
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL')
        reject(new Error(`child exited by itself (${code}): ${stderr.slice(0, 2000)}`));
      else resolve(result);
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged write through ${KILLS} SIGKILLs`, async () => {
    let kills = 0;
    let acknowledged = 0;
    let writesSeen = 0;
    const lane = async (dir: string, rounds: number) => {
      const allAcked = new Map<string, number>();
      for (let i = 0; i < rounds; i += 1) {
        // Early kills by time (during open, migration or the first writes), some later
        // ones, and half of them right after a write was acknowledged (the next in flight).
        const killAt: KillAt =
          i % 2 === 1
            ? { acks: 1 + Math.floor(Math.random() * 4) }
            : {
                ms:
                  i % 5 === 0
                    ? 30 + Math.floor(Math.random() * 70)
                    : Math.floor(Math.random() * 30),
              };
        const run = await runAndKill(dir, killAt);
        kills += 1;
        for (const [id, n] of run.acked) allAcked.set(id, n);
        writesSeen += run.acked.size;

        const lib = openLibrary(dir, { autoBackup: false });
        try {
          expect(lib.startupNotices()).toEqual([]);
          expect(integrityCheck(lib.db)).toBe('ok');
          const stored = new Set(lib.annotations.list().map((a) => a.id));
          for (const id of allAcked.keys())
            expect(stored.has(id), `acknowledged ${id} lost`).toBe(true);
          if (run.lastAckedScroll !== null) {
            const scroll = lib.getPosition()?.scroll;
            expect([run.lastAckedScroll, ...run.triedAfterAck]).toContain(scroll);
          }
        } finally {
          lib.close();
        }
      }
      acknowledged += allAcked.size;
      // Leftovers of backups interrupted by a kill never count as backups, and rotation holds.
      const backups = path.join(dir, 'backups');
      const names = fs.existsSync(backups) ? fs.readdirSync(backups) : [];
      expect(names.filter((f) => f.endsWith('.sqlite')).length).toBeLessThanOrEqual(10);
    };
    for (let i = 0; i < LANES; i += 1) dirs.push(tempUserDataDir('hakusho-crash-'));
    await Promise.all(dirs.map((dir) => lane(dir, Math.ceil(KILLS / LANES))));
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(writesSeen).toBeGreaterThan(KILLS / 2); // the kills did land between real writes
    console.log(
      `crash test: ${kills} SIGKILLs, ${acknowledged} acknowledged annotations, all present`,
    );
  }, 600_000);
});

// Test support: the CLI run as a user runs it — a child process of the bundle, in a
// workspace of its own (see cli-workspace.ts) — for tests that drive another host in
// the same process too (a host never imports another one, tests included). The
// answer has the shape of an in-process run: exit code, stdout and stderr without
// their last line feed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { cliWorkspace } from './cli-workspace';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliChild {
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** Removes the workspace. */
  cleanup(): void;
}

const trimEnd = (text: string) => (text.endsWith('\n') ? text.slice(0, -1) : text);

/** Bundles the CLI into a temp workspace and returns a runner for it. */
export async function cliChild(): Promise<CliChild> {
  const { dir, cli } = await cliWorkspace();
  return {
    run: (args, env = process.env) =>
      new Promise<CliRun>((resolve, reject) => {
        const child = spawn(process.execPath, [cli, ...args], {
          cwd: dir,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        child.once('error', reject);
        child.once('close', (code) =>
          resolve({
            code,
            stdout: trimEnd(Buffer.concat(out).toString('utf8')),
            stderr: trimEnd(Buffer.concat(err).toString('utf8')),
          }),
        );
      }),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

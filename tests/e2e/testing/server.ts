// Starts the real browser edition (`electron/serve/main.ts`, what `npm run serve`
// runs) in a child process with its own --user-data folder, and reads the startup
// URL it prints. A child process, not an in-process call, so each test's host has
// its own user.sqlite handle and a restart is a real restart on a new port.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
/** The host's entry point; overridable to run the suite against another build of it. */
const SERVE_ENTRY =
  process.env.HAKUSHO_SERVE_ENTRY ?? path.join(REPO_ROOT, 'electron/serve/main.ts');
const STARTUP_URL = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=[^\s]+)/;
const START_TIMEOUT_MS = 120_000;

export interface RunningEdition {
  /** Startup URL with the one-time token. */
  url: string;
  origin: string;
  port: number;
  /** Stops the host (SIGTERM, so it closes user.sqlite cleanly) and waits for it. */
  stop(): Promise<void>;
}

export interface EditionOptions {
  /** A content database to serve instead of the bundled chapter's (`--content FILE`). */
  content?: string;
  /** Another build of the renderer to serve (`--renderer DIR`): a benchmark's peer. */
  renderer?: string;
}

export function startEdition(
  userDataDir: string,
  options: EditionOptions = {},
): Promise<RunningEdition> {
  const content = [
    ...(options.content ? ['--content', options.content] : []),
    ...(options.renderer ? ['--renderer', options.renderer] : []),
  ];
  const child: ChildProcess = spawn(
    process.execPath,
    [TSX_CLI, SERVE_ENTRY, '--port', '0', '--user-data', userDataDir, ...content],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise<RunningEdition>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`browser edition did not start in time:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const m = STARTUP_URL.exec(output);
      if (!m) return;
      clearTimeout(timer);
      const port = Number(m[2]);
      resolve({ url: m[1]!, origin: `http://127.0.0.1:${port}`, port, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser edition exited (${code}) before printing its URL:\n${output}`));
    });
  });
}

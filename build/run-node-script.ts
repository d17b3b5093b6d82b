// Runs a Node script in a child process with a time limit, keeping the tail of
// its output and calling back at a fixed interval (for progress lines). Shared
// by the Electron installer run and the native-module build steps of `npm start`,
// which differ only in what they report while they wait and how they read the end.
import { spawn } from 'node:child_process';

export interface ScriptRunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** How much of the combined stdout/stderr to keep (the tail). */
  keepBytes: number;
  /** Called every `tickMs` while the script runs, with the seconds elapsed. */
  onTick: (seconds: number) => void;
  tickMs: number;
}

export type ScriptEnd =
  | { kind: 'exit'; code: number | null; output: string }
  | { kind: 'timeout'; output: string }
  | { kind: 'error'; message: string; output: string };

export function runNodeScript(
  script: string,
  args: string[],
  options: ScriptRunOptions,
): Promise<ScriptEnd> {
  return new Promise<ScriptEnd>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-options.keepBytes);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const tick = setInterval(
      () => options.onTick(Math.round((Date.now() - started) / 1000)),
      options.tickMs,
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    }, options.timeoutMs);
    let done = false;
    const finish = (end: ScriptEnd): void => {
      if (done) return;
      done = true;
      clearInterval(tick);
      clearTimeout(timer);
      resolve(end);
    };
    child.on('error', (err) => finish({ kind: 'error', message: err.message, output }));
    child.on('close', (code) =>
      finish(timedOut ? { kind: 'timeout', output } : { kind: 'exit', code, output }),
    );
  });
}

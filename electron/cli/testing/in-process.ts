// Test support: the CLI run in-process (runCli with its output collected), on a given
// content database and user-data folder, answering in the shape a child process does
// (exit code, stdout and stderr as text) so a test reads either the same way.
import type { CliRun } from '../../core/testing/cli-child';
import { runCli } from '../main';

/** Runs `hakusho <args> --user-data <userData> --content <contentDb>` in this process. */
export async function runCliInProcess(
  args: string[],
  userData: string,
  contentDb: string,
): Promise<CliRun & { code: number }> {
  const out: string[] = [];
  const log: string[] = [];
  const code = await runCli([...args, '--user-data', userData, '--content', contentDb], {
    out: (t) => out.push(t),
    log: (t) => log.push(t),
  });
  return { code, stdout: out.join('\n'), stderr: log.join('\n') };
}

// `hakusho` command-line interface: `hakusho <command> [options]` (the `bin` of
// package.json, a bundle built by build/cli-bundle.mjs) or
// `npm run --silent cli -- <command> [options]`.
// Global options: --json (only JSON on stdout), --user-data DIR, --content FILE.
// Progress, notices and errors go to stderr so that stdout stays machine-readable.
// Exit codes: 0 done; 1 the call failed (one line on stderr, with --json the
// error envelope as one JSON line); 2 the command line is wrong.
import { parseArgs } from 'node:util';
import { errorEnvelope } from '../common/api/envelope';
import { isMainModule } from '../core/main-module';
import { defaultContentDbPath, resolveUserDataDir } from '../core/paths';
import { CliError, UsageError, type CliIo, type Command, type OptionSpec } from './command';
import { commands } from './commands/index';
import { openCoreSession } from './core-session';

const globalOptions: OptionSpec = {
  json: { type: 'boolean', default: false },
  'user-data': { type: 'string' },
  content: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
};

/** `help --json`: the commands and options as data, for scripts and shells. */
function helpJson(): string {
  return JSON.stringify(
    {
      usage: 'hakusho <command> [options]',
      commands: commands.map((c) => ({
        name: c.name,
        summary: c.summary,
        usage: c.usage,
        options: Object.keys(c.options ?? {}).map((o) => `--${o}`),
      })),
      globalOptions: ['--json', '--user-data DIR', '--content FILE', '--help'],
      exitCodes: { 0: 'done', 1: 'the call failed (one line on stderr)', 2: 'wrong command line' },
    },
    null,
    2,
  );
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: hakusho <command> [options]   (npm run --silent cli -- <command> …)',
    '',
    'commands:',
    ...lines,
    '',
    'global options: --json  --user-data DIR  --content FILE  --help',
    'exit codes: 0 done, 1 failed (one line on stderr), 2 wrong command line',
  ].join('\n');
}

async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    let helpArgs;
    try {
      helpArgs = parseArgs({
        args: name === 'help' ? rest : argv,
        options: globalOptions,
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      throw new UsageError(`help: ${err instanceof Error ? err.message : String(err)}`);
    }
    const json = helpArgs.values.json === true;
    const [topic, ...more] = helpArgs.positionals;
    if (topic !== undefined) {
      // `help <command>`: that command's usage.
      const command = commands.find((c) => c.name === topic);
      if (!command || more.length > 0)
        throw new UsageError(`help: unknown command "${[topic, ...more].join(' ')}" (try: help)`);
      io.out(
        json
          ? JSON.stringify({ name: command.name, summary: command.summary, usage: command.usage })
          : `usage: ${command.usage}\n${command.summary}`,
      );
      return 0;
    }
    io.out(json ? helpJson() : helpText());
    return 0;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}" (try: help)`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...globalOptions, ...(command.options ?? {}) },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const extra = parsed.positionals.slice(command.maxPositionals ?? parsed.positionals.length);
  if (extra.length > 0)
    throw new UsageError(
      `${name}: unexpected argument "${extra.join(' ')}" (usage: ${command.usage})`,
    );
  const values = parsed.values as Record<
    string,
    string | boolean | (string | boolean)[] | undefined
  >;
  if (values.help) {
    io.out(
      values.json === true
        ? JSON.stringify({ name: command.name, summary: command.summary, usage: command.usage })
        : `usage: ${command.usage}\n${command.summary}`,
    );
    return 0;
  }
  const input = {
    positionals: parsed.positionals,
    values,
    json: values.json === true,
    userDataDir: resolveUserDataDir(
      typeof values['user-data'] === 'string' ? values['user-data'] : undefined,
    ),
    contentDbPath: typeof values.content === 'string' ? values.content : defaultContentDbPath(),
  };
  const session = openCoreSession(command, input, io);
  try {
    const code = await command.run(input, session, io);
    return typeof code === 'number' ? code : 0;
  } finally {
    await session.close();
  }
}

/** Runs one command line; never throws: a failure is one line on stderr and its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (err) {
    const envelope = errorEnvelope(err);
    const message = envelope.error.message.replace(/\s*\n\s*/g, ' ');
    io.log(
      argv.includes('--json')
        ? JSON.stringify({ ...envelope, error: { ...envelope.error, message } })
        : `hakusho: ${message}`,
    );
    return err instanceof CliError ? err.exitCode : 1;
  }
}

/**
 * The process entry: arguments from argv, output on stdout/stderr, the exit code set.
 * Whatever escapes a command (an error thrown outside any call, a failure in a
 * callback) is still one line on stderr and exit status 1, never a stack trace.
 */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const io: CliIo = {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    log: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
  const lastResort = (err: unknown): void => {
    const message = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
    io.log(
      argv.includes('--json')
        ? JSON.stringify(errorEnvelope(new Error(message)))
        : `hakusho: ${message}`,
    );
    process.exit(1);
  };
  process.on('uncaughtException', lastResort);
  process.on('unhandledRejection', lastResort);
  process.exitCode = await runCli(argv, io);
}

if (isMainModule(import.meta.url)) void main();

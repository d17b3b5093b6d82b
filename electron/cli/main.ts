// `hakusho` command-line interface: `npm run --silent cli -- <command> [options]`.
// Global options: --json (only JSON on stdout), --user-data DIR, --content FILE.
// Progress and logs go to stderr so that stdout stays machine-readable.
import { parseArgs } from 'node:util';
import { isMainModule } from '../core/main-module';
import { defaultContentDbPath, resolveUserDataDir } from '../core/paths';
import { CliError, type CliIo, type Command, type OptionSpec } from './command';
import { ApiError } from '../common/api/contract';
import { commands } from './commands/index';

const globalOptions: OptionSpec = {
  json: { type: 'boolean', default: false },
  'user-data': { type: 'string' },
  content: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
};

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
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return 0;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) throw new CliError(`unknown command "${name}" (try: help)`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...globalOptions, ...(command.options ?? {}) },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new CliError(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const values = parsed.values as Record<
    string,
    string | boolean | (string | boolean)[] | undefined
  >;
  if (values.help) {
    io.out(`usage: ${command.usage}\n${command.summary}`);
    return 0;
  }
  const code = await command.run(
    {
      positionals: parsed.positionals,
      values,
      json: values.json === true,
      userDataDir: resolveUserDataDir(
        typeof values['user-data'] === 'string' ? values['user-data'] : undefined,
      ),
      contentDbPath: typeof values.content === 'string' ? values.content : defaultContentDbPath(),
    },
    io,
  );
  return typeof code === 'number' ? code : 0;
}

if (isMainModule(import.meta.url)) {
  const io: CliIo = {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    log: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof CliError) {
        io.log(`hakusho: ${err.message}`);
        process.exitCode = err.exitCode;
      } else if (err instanceof ApiError) {
        io.log(`hakusho: ${err.message}`);
        process.exitCode = 1;
      } else {
        io.log(
          `hakusho: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        process.exitCode = 2;
      }
    },
  );
}

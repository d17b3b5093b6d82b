// The shape of one CLI command. Each command lives in its own module under
// commands/ and is registered in commands/index.ts. A command parses its own
// arguments, makes contract calls through the session (the one reader core the
// CLI opened, reached only through `invoke`) and formats the answers; it decides
// nothing about the reader's data itself.
import type { ParseArgsConfig } from 'node:util';
import {
  ApiError,
  type ApiArgs,
  type ApiErrorCode,
  type ApiMethod,
  type ApiResult,
} from '../common/api/contract';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed global and command options. */
export interface CommandInput {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  json: boolean;
  userDataDir: string;
  contentDbPath: string;
}

export interface CliIo {
  /** Program output (JSON with --json). */
  out(text: string): void;
  /** Progress, notices and errors: never mixed into stdout. */
  log(text: string): void;
}

/** The reader core as a command sees it: contract calls, nothing else. */
export interface CoreSession {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
}

export type DataAccess = 'reads' | 'writes';

export interface Command {
  name: string;
  /** One line for `help`. */
  summary: string;
  usage: string;
  options?: OptionSpec;
  /** At most this many arguments besides options (a subcommand counts); more is a usage error. */
  maxPositionals?: number;
  /**
   * What the command does with the reader's data (user.sqlite): `reads` never
   * creates it and takes no backups; `writes` opens or creates it with automatic
   * backups, as the app does. A function when it depends on the subcommand.
   */
  data: DataAccess | ((input: CommandInput) => DataAccess);
  run(input: CommandInput, session: CoreSession, io: CliIo): Promise<number | void> | number | void;
}

/** An expected failure: one line on stderr and exit code 1 (or the one given). */
export class CliError extends ApiError {
  readonly exitCode: number;
  constructor(message: string, code: ApiErrorCode = 'invalid_input', exitCode = 1) {
    super(code, message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The command line itself is wrong (unknown command or option, bad value): exit code 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 'invalid_input', 2);
    this.name = 'UsageError';
  }
}

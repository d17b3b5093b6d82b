// The shape of one CLI command. Each command lives in its own module under
// commands/ and is registered in commands/index.ts.
import type { ParseArgsConfig } from 'node:util';

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
  /** Progress and logs: never mixed into stdout. */
  log(text: string): void;
}

export interface Command {
  name: string;
  /** One line for `help`. */
  summary: string;
  usage: string;
  options?: OptionSpec;
  run(input: CommandInput, io: CliIo): Promise<number | void> | number | void;
}

/** An expected failure: printed as one line on stderr, exit code 1 (or the given one). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

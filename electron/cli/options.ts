// Turning command-line strings into contract arguments: the few conversions the
// contract cannot do itself (text to numbers, repeated options to lists). Bad
// values are usage errors; the contract checks everything else.
import { UsageError } from './command';

/** A non-negative integer option (`--start 12`). */
export function intOption(value: unknown, name: string, command: string): number {
  if (typeof value !== 'string' || !/^\d+$/.test(value))
    throw new UsageError(`${command}: --${name} must be a non-negative integer`);
  return Number(value);
}

/** An optional string option, as the key/value pair of a contract argument when given. */
export function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' ? ({ [key]: value } as { [P in K]?: string }) : {};
}

/** A repeatable option (`--tag a --tag b`) as a list. */
export function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** The option every reading command takes to name a document of the library. */
export const DOC_OPTION = { doc: { type: 'string' } } as const;

/** `--doc ID` as the contract's documentId (absent: the bundled chapter, as before the library). */
export function documentArg(values: Record<string, unknown>): { documentId?: string } {
  return optional('documentId', values.doc);
}

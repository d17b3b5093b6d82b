// The one error type of an import. Its message is a single line that names the file
// and says what is wrong with it in words a reader can act on ("encrypted: remove the
// password and import again"), so every host can show it as is. Nothing is written
// when it is thrown: the database appears only once the whole document is built.
export type ImportErrorCode =
  /** The file, its pages or its text exceed a limit (limits.ts). */
  | 'too_large'
  /** Not a format we import, or a file that is not what its name says. */
  | 'unsupported'
  /** Damaged or truncated: the parser could not read it. */
  | 'damaged'
  /** A PDF that needs a password to open. */
  | 'encrypted'
  /** An archive that would expand beyond the limits or writes outside itself. */
  | 'unsafe_archive'
  /** Read fine, but holds no text (e.g. a PDF of scanned images). */
  | 'empty'
  /** The caller cancelled (AbortSignal). */
  | 'aborted'
  /** The content database could not be written. */
  | 'write_failed';

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  constructor(code: ImportErrorCode, message: string) {
    super(message.replace(/\s*\r?\n\s*/g, ' '));
    this.name = 'ImportError';
    this.code = code;
  }
}

/** Throws ImportError('aborted') when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, name: string): void {
  if (signal?.aborted) throw new ImportError('aborted', `${name}: import cancelled`);
}

/** First line of an unknown error's message, for wrapping it in an ImportError. */
export function reason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').trim() || 'unknown error';
}

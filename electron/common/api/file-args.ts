// The methods whose argument carries a whole file the reader chose (`file`: its bytes),
// and the largest file each accepts. Every host checks the size before it reads or
// copies the bytes — the HTTP host from Content-Length and while streaming, the
// preload before the IPC call, the renderer before it reads the chosen file, the CLI
// from the file's size on disk — and refuses with the same words, naming the limit.
// Defined once here; the contract's schemas use the same limits.
import { MAX_DOCUMENT_FILE_BYTES } from '../rules/library';
import { MAX_IMPORT_FILE_BYTES } from '../rules/notes';

export const FILE_ARG_LIMITS = {
  importAnnotations: MAX_IMPORT_FILE_BYTES,
  importDocument: MAX_DOCUMENT_FILE_BYTES,
} as const;

export type FileArgMethod = keyof typeof FILE_ARG_LIMITS;

export function isFileArgMethod(method: string): method is FileArgMethod {
  return Object.prototype.hasOwnProperty.call(FILE_ARG_LIMITS, method);
}

/** A size in the largest whole unit that keeps it readable (MB with one decimal). */
function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${bytes} bytes`;
}

/** The one refusal of a file over its method's limit (the code is `too_large`). */
export function fileTooLargeMessage(limit: number, size?: number): string {
  const what = size === undefined ? 'the file' : `the file (${sizeText(size)})`;
  return `${what} is larger than the limit of ${sizeText(limit)} (${limit} bytes)`;
}

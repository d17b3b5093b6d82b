// The bounds an imported file must stay within, defined once. An imported file is
// hostile until proven otherwise: each limit turns "50 MB where 5 KB was expected"
// or a zip bomb into one clear line instead of a frozen app or a full disk. Callers
// may lower them (tests do); the defaults fit the largest white papers we know (a
// full 通商白書 PDF is about 40 MB and 500 pages).
import { MAX_DOCUMENT_FILE_BYTES } from '../../common/rules/library';

export interface ZipLimits {
  /** Entries in the archive's central directory. */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed size of one entry (checked on entries over 1 MiB). */
  maxRatio: number;
}

export interface ImportLimits {
  /** Bytes of the file itself. */
  maxFileBytes: number;
  /** Pages of a PDF. */
  maxPages: number;
  /** Characters of extracted text (the content database's size follows it). */
  maxTextChars: number;
  zip: ZipLimits;
}

const MiB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: MAX_DOCUMENT_FILE_BYTES,
  maxPages: 3000,
  maxTextChars: 20_000_000,
  zip: {
    maxEntries: 10_000,
    maxEntryBytes: 64 * MiB,
    maxTotalBytes: 512 * MiB,
    maxRatio: 100,
  },
};

/** Ratios are only checked above this size: tiny entries compress a lot and are harmless. */
export const RATIO_CHECK_MIN_BYTES = MiB;

export function resolveLimits(partial?: Partial<ImportLimits>): ImportLimits {
  return {
    ...DEFAULT_IMPORT_LIMITS,
    ...partial,
    zip: { ...DEFAULT_IMPORT_LIMITS.zip, ...partial?.zip },
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

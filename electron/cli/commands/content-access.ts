// Shared by the content commands: make sure the content database is built and
// current (logging to stderr), open it read-only, and turn build failures into the
// CLI's one-line errors.
import { ensureContentDb } from '../../core/content/ensure';
import type { ContentInputs } from '../../core/content/inputs';
import { openContentStore } from '../../core/content/store';
import type { ContentStore } from '../../core/content/store-types';
import { ContentBuildError } from '../../core/ingest/errors';
import { CliError, type CliIo } from '../command';

/** Runs `fn`, reporting a ContentBuildError as a one-line CLI error. */
export function asCliError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ContentBuildError) throw new CliError(err.message);
    throw err;
  }
}

export function withContentStore<T>(
  dbPath: string,
  io: CliIo,
  use: (store: ContentStore) => T,
  inputs?: ContentInputs,
): T {
  asCliError(() => ensureContentDb({ dbPath, log: io.log, ...(inputs ? { inputs } : {}) }));
  const store = openContentStore(dbPath);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

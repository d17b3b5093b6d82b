// The one reader core a CLI run opens, and the session commands call it through.
// The content database is built first when missing or stale (progress on
// stderr); the core is opened at the first call — `build-content` and `--help`
// never open it — with the reader's data opened as the command declares (a
// command that only reads never creates user.sqlite and takes no backups). Every
// call is checked against the contract's schema before `invoke`, so that a value
// the command line got wrong is a usage error (exit 2) rather than a failure.
import { asApiError, invoke, parseArgs } from '../common/api/contract';
import { checkoutVersion } from '../core/app-version';
import { ensureContentDb } from '../core/content/ensure';
import { ContentBuildError } from '../core/ingest/errors';
import { openReaderCore, type ReaderCore } from '../core/reader-core';
import { coreOpeners } from '../core/wiring';
import {
  CliError,
  UsageError,
  type CliIo,
  type Command,
  type CommandInput,
  type CoreSession,
} from './command';

export interface CliCoreSession extends CoreSession {
  /** Waits for scheduled work (automatic backups) and closes the core, if it was opened. */
  close(): Promise<void>;
}

/** Runs a content build step, reporting a ContentBuildError as the CLI's one-line failure. */
export function buildingContent<T>(step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof ContentBuildError) throw new CliError(err.message, 'unavailable');
    throw err;
  }
}

export function openCoreSession(command: Command, input: CommandInput, io: CliIo): CliCoreSession {
  let core: ReaderCore | null = null;
  const open = async (): Promise<ReaderCore> => {
    const content = buildingContent(() =>
      ensureContentDb({
        dbPath: input.contentDbPath,
        userDataDir: input.userDataDir,
        log: io.log,
      }),
    );
    const access = typeof command.data === 'function' ? command.data(input) : command.data;
    const writes = access === 'writes';
    const opened = openReaderCore(coreOpeners, {
      contentDbPath: content.dbPath,
      userDataDir: input.userDataDir,
      host: 'cli',
      version: checkoutVersion(),
      library: { existingOnly: !writes, autoBackup: writes, importInWorker: false },
      log: io.log,
      notices: content.notices,
    });
    // A CLI run answers once: annotations still being placed in this content are
    // placed before the first answer.
    await opened.idle();
    // What the reader must be told (a damaged database recovered, notes not found) goes to stderr.
    for (const notice of await invoke(opened.handlers, 'getNotices', {}))
      io.log(`notice: ${notice.message.replace(/\s*\n\s*/g, ' — ')}`);
    return opened;
  };
  return {
    async call(method, args) {
      try {
        parseArgs(method, args);
      } catch (err) {
        throw new UsageError(`${command.name}: ${asApiError(err).message}`);
      }
      core ??= await open();
      return invoke(core.handlers, method, args);
    },
    async close() {
      if (!core) return;
      const opened = core;
      core = null;
      try {
        await opened.idle();
      } finally {
        opened.close();
      }
    },
  };
}

// Shared by the notes commands (bookmarks, annotations, export, import, backup):
// open the content (built if missing) and the user's library, build the same
// handlers the app uses, and call them through the contract's `invoke` so the CLI
// validates exactly like the other hosts. Startup notices (a damaged database
// recovered, orphaned notes) are printed on stderr.
import {
  ApiError,
  invoke,
  type ApiArgs,
  type ApiHandlers,
  type ApiMethod,
  type ApiResult,
} from '../../common/api/contract';
import { ensureContentDb } from '../../core/content/ensure';
import { openContentStore } from '../../core/content/store';
import { createLibraryHandlers } from '../../core/library/handlers';
import { openLibrary, type SqliteLibrary } from '../../core/library/library';
import { CliError, type CliIo, type CommandInput } from '../command';
import { asCliError } from './content-access';

export interface LibrarySession {
  library: SqliteLibrary;
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
}

export async function withLibrary<T>(
  input: CommandInput,
  io: CliIo,
  use: (session: LibrarySession) => Promise<T>,
): Promise<T> {
  asCliError(() => ensureContentDb({ dbPath: input.contentDbPath, log: io.log }));
  const content = openContentStore(input.contentDbPath);
  let library: SqliteLibrary | null = null;
  try {
    library = openLibrary(input.userDataDir);
    const handlers = createLibraryHandlers({ library, content }) as unknown as ApiHandlers;
    for (const notice of library.startupNotices()) io.log(`notice: ${notice.message}`);
    const session: LibrarySession = {
      library,
      call: async (method, args) => {
        try {
          return await invoke(handlers, method, args);
        } catch (err) {
          if (err instanceof ApiError) throw new CliError(`${err.message}`);
          throw err;
        }
      },
    };
    const result = await use(session);
    // Automatic backups scheduled by this run finish before the process exits.
    await library.idle();
    return result;
  } catch (err) {
    if (err instanceof ApiError) throw new CliError(err.message);
    throw err;
  } finally {
    library?.close();
    content.close();
  }
}

/** Parses a non-negative integer option. */
export function intOption(value: unknown, name: string, command: string): number {
  if (typeof value !== 'string' || !/^\d+$/.test(value))
    throw new CliError(`${command}: --${name} must be a non-negative integer`);
  return Number(value);
}

export function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

// The browser edition as one call: open the reader's core (content, search,
// user.sqlite) and put the HTTP host in front of it. Used by `npm run serve`
// and by `npm start` when there is no Electron runtime or no display; tests
// call it with in-memory openers.
import type { Notice } from '../common/api/types';
import { openReaderCore, type CoreOpeners, type ReaderCore } from '../core/reader-core';
import { startServer, type RunningServer } from './server';

export interface BrowserEditionOptions {
  openers: CoreOpeners;
  contentDbPath: string;
  userDataDir: string;
  rendererDir: string;
  version: string;
  port?: number;
  log?: (line: string) => void;
  /** What was found before the core opened (e.g. the content rebuilt elsewhere). */
  notices?: Notice[];
}

export interface BrowserEdition {
  server: RunningServer;
  core: ReaderCore;
  /** Stops the host, then closes user.sqlite and the content DB. */
  close(): Promise<void>;
}

export async function startBrowserEdition(options: BrowserEditionOptions): Promise<BrowserEdition> {
  const core = openReaderCore(options.openers, {
    contentDbPath: options.contentDbPath,
    userDataDir: options.userDataDir,
    host: 'browser',
    version: options.version,
    ...(options.log ? { log: options.log } : {}),
    ...(options.notices ? { notices: options.notices } : {}),
  });
  let server: RunningServer;
  try {
    server = await startServer({
      handlers: core.handlers,
      rendererDir: options.rendererDir,
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
  } catch (err) {
    core.close();
    throw err;
  }
  return {
    server,
    core,
    close: async () => {
      await server.close();
      core.close();
    },
  };
}

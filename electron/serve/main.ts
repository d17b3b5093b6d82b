// `npm run serve`: the browser edition from a checkout.
//   npm run serve -- [--port N] [--user-data DIR] [--content FILE] [--renderer DIR]
// Builds the content DB when it is missing or stale (unless --content names
// one), refuses to start without a built renderer, prints the startup URL with
// its one-time token, and closes user.sqlite cleanly on Ctrl+C / SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Notice } from '../common/api/types';
import { checkoutVersion } from '../core/app-version';
import { defaultContentDbPath, repoRoot, resolveUserDataDir } from '../core/paths';
import { ensureContentDb } from '../core/content/ensure';
import { isMainModule } from '../core/main-module';
import { coreOpeners } from '../core/wiring';
import { startBrowserEdition, type BrowserEdition } from './edition';

export class ServeError extends Error {}

export interface ServeOptions {
  port?: number;
  userDataDir: string;
  contentDbPath?: string;
  rendererDir?: string;
  log: (line: string) => void;
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'user-data': { type: 'string' },
        content: { type: 'string' },
        renderer: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new ServeError(err instanceof Error ? err.message : String(err));
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d{1,5}$/.test(values.port) || port > 65535) {
      throw new ServeError(`--port must be a number from 0 to 65535, not "${values.port}"`);
    }
  }
  return {
    ...(port !== undefined ? { port } : {}),
    userDataDir: resolveUserDataDir(values['user-data'], env),
    ...(values.content !== undefined ? { contentDbPath: path.resolve(values.content) } : {}),
    ...(values.renderer !== undefined ? { rendererDir: path.resolve(values.renderer) } : {}),
  };
}

/** Starts the browser edition from a checkout (also the fallback of `npm start`). */
export async function serveFromCheckout(options: ServeOptions): Promise<BrowserEdition> {
  let contentDbPath = options.contentDbPath;
  let notices: Notice[] = [];
  if (contentDbPath === undefined) {
    const ensured = ensureContentDb({
      dbPath: defaultContentDbPath(),
      userDataDir: options.userDataDir,
      log: options.log,
    });
    contentDbPath = ensured.dbPath;
    notices = ensured.notices;
  } else if (!fs.existsSync(contentDbPath)) {
    throw new ServeError(`content database not found: ${contentDbPath}`);
  }
  const rendererDir = options.rendererDir ?? path.join(repoRoot(), 'renderer', 'dist');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new ServeError(
      `renderer not built (${rendererDir}/index.html missing): run npm run build:renderer`,
    );
  }
  return startBrowserEdition({
    openers: coreOpeners,
    contentDbPath,
    userDataDir: options.userDataDir,
    rendererDir,
    version: checkoutVersion(),
    ...(options.port !== undefined ? { port: options.port } : {}),
    log: options.log,
    notices,
  });
}

/** Closes the edition on Ctrl+C or SIGTERM, so that user.sqlite is closed cleanly. */
export function closeOnSignals(edition: BrowserEdition): void {
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    edition.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (isMainModule(import.meta.url)) {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  (async () => {
    const options = parseServeArgs(process.argv.slice(2));
    const edition = await serveFromCheckout({ ...options, log });
    process.stdout.write(`Hakusho Reader (browser edition): ${edition.server.url}\n`);
    closeOnSignals(edition);
  })().catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`hakusho serve: ${message}\n`);
    process.exitCode = 1;
  });
}

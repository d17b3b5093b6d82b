// Where things live on disk. The core never guesses from Electron: hosts pass
// explicit paths, and these helpers give the defaults shared by every host (the
// same folder Electron's `userData` would be for the product name, so all three
// hosts see one reader's data), and name the environment variables that move them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Hakusho Reader';
/** The package name in the checkout's package.json (how repoRoot() knows it). */
const PACKAGE_NAME = 'hakusho-reader';

/** Moves the reader's data (user.sqlite, backups, window state) for every host. */
export const USER_DATA_ENV = 'HAKUSHO_USER_DATA';
/** Names another content database in a checkout (a packaged app ignores it). */
export const CONTENT_DB_ENV = 'HAKUSHO_CONTENT_DB';

let root: string | null = null;

/**
 * The checkout (or packed app) this code runs from: the nearest folder above this
 * module with our package.json. Found by looking rather than by counting levels,
 * so it is the same from the sources (electron/core/), the CLI bundle (dist-cli/)
 * and the Electron bundle (dist-electron/).
 */
export function repoRoot(): string {
  if (root !== null) return root;
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
      };
      if (pkg.name === PACKAGE_NAME) return (root = dir);
    } catch {
      // No package.json here (or not ours): look further up.
    }
    if (path.dirname(dir) === dir) return (root = path.resolve(here, '..', '..'));
  }
}

/** Default content database of a checkout: CONTENT_DB_ENV, else data/content.sqlite. */
export function defaultContentDbPath(
  checkout: string = repoRoot(),
  env: NodeJS.ProcessEnv = process.env,
): string {
  const named = env[CONTENT_DB_ENV];
  return named && named.length > 0 ? named : path.join(checkout, 'data', 'content.sqlite');
}

/** Electron's `userData` for PRODUCT_NAME on each OS, computed without Electron. */
export function platformUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, PRODUCT_NAME);
  }
  if (platform === 'darwin')
    return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  const config =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.length > 0
      ? env.XDG_CONFIG_HOME
      : path.posix.join(home, '.config');
  return path.posix.join(config, PRODUCT_NAME);
}

/** The folder the reader asked for: `--user-data DIR`, else USER_DATA_ENV; undefined when neither. */
export function userDataOverride(
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (flag && flag.length > 0) return path.resolve(flag);
  const named = env[USER_DATA_ENV];
  return named && named.length > 0 ? path.resolve(named) : undefined;
}

/** The user-data folder: `--user-data DIR` beats USER_DATA_ENV beats the platform default. */
export function resolveUserDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return userDataOverride(flag, env) ?? platformUserDataDir(process.platform, env);
}

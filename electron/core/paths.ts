// Where things live on disk. The core never guesses from Electron: hosts pass
// explicit paths, and these helpers give the defaults shared by the browser
// edition and the CLI (the same folder Electron's `userData` would be for the
// product name, so all three hosts see one reader's data).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Hakusho Reader';

/** The repository checkout this module runs from (electron/core/ → two levels up). */
export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** Default content database of a checkout. */
export function defaultContentDbPath(): string {
  return process.env.HAKUSHO_CONTENT_DB ?? path.join(repoRoot(), 'data', 'content.sqlite');
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

/** The user-data folder: `--user-data DIR` beats HAKUSHO_USER_DATA beats the platform default. */
export function resolveUserDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag && flag.length > 0) return path.resolve(flag);
  if (env.HAKUSHO_USER_DATA && env.HAKUSHO_USER_DATA.length > 0)
    return path.resolve(env.HAKUSHO_USER_DATA);
  return platformUserDataDir(process.platform, env);
}

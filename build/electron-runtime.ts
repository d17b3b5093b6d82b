// Can the desktop app run here? Answers without require('electron') — which
// would try to download the binary — so that `npm start` can fall back to the
// browser edition with a one-line reason.
import fs from 'node:fs';
import path from 'node:path';
import { electronAbi, moduleAbiVersions } from './native-abi';

export type RuntimeCheck = { ok: true; binary: string } | { ok: false; reason: string };

/**
 * Where the Electron binary is, without require('electron') (which would try to
 * download it): node_modules/electron/path.txt names it inside dist/ (or inside
 * ELECTRON_OVERRIDE_DIST_PATH).
 */
export function findElectronBinary(
  electronDir: string,
  env: NodeJS.ProcessEnv = process.env,
): RuntimeCheck {
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  if (relative === '' && !env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { ok: false, reason: 'the Electron binary was never downloaded' };
  }
  const binary = path.join(distDir, relative || 'electron');
  if (!fs.existsSync(binary))
    return { ok: false, reason: `the Electron binary is missing (${binary})` };
  return { ok: true, binary };
}

/** Linux needs an X11 or Wayland display; macOS and Windows always have one. */
export function displayProblem(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return null;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

/** Where npm puts the compiled better-sqlite3 module. */
export function betterSqliteBinary(projectDir: string): string {
  return path.join(
    projectDir,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

/**
 * better-sqlite3 is compiled for one ABI; Electron refuses a module built for
 * plain Node (the normal state of a checkout, which the tests and the browser
 * edition need). Read the ABI from the binary and compare with Electron's.
 */
export function nativeModuleProblem(projectDir: string): string | null {
  let found: number[];
  let wanted: number;
  try {
    found = moduleAbiVersions(fs.readFileSync(betterSqliteBinary(projectDir)));
    wanted = electronAbi(projectDir);
  } catch (err) {
    return `the native SQLite module cannot be checked (${err instanceof Error ? err.message : String(err)})`;
  }
  if (found.includes(wanted)) return null;
  return `better-sqlite3 is built for Node (ABI ${found.join(', ') || '?'}), not Electron (ABI ${wanted}); \`npx electron-builder install-app-deps\` rebuilds it for Electron, \`npm rebuild better-sqlite3\` switches back`;
}

// Can the desktop app run here? Answers without require('electron') — which
// would try to download the binary as a side effect — so that `npm start`
// decides itself whether to run Electron's installer (desktop-launch.ts).
import fs from 'node:fs';
import path from 'node:path';

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

/**
 * Null when `npm start` may run Electron's own installer to fetch a missing
 * binary; else why not (the installer always extracts into node_modules/electron/dist,
 * so with ELECTRON_OVERRIDE_DIST_PATH it would not help).
 */
export function installBlocked(
  electronDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (!fs.existsSync(path.join(electronDir, 'install.js')))
    return 'the electron package has no install.js';
  if (env.ELECTRON_OVERRIDE_DIST_PATH)
    return 'ELECTRON_OVERRIDE_DIST_PATH is set, so nothing is downloaded';
  return null;
}

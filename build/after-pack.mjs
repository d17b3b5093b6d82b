// @ts-check
// electron-builder afterPack hook (wired in electron-builder.yml). Runs right after
// the app is packed, before signing, on every platform:
//  1. flips Electron fuses a reader never needs (see READER_FUSES), so the shipped
//     binary cannot be turned into a general Node runtime or a debug target;
//  2. makes resources/content.sqlite read-only (the app only ever reads it).
// `npm run dist:check` packs against a stub "electron" (the real binary cannot be
// downloaded offline). The stub holds no fuse wire; when the check says so through
// HAKUSHO_DIST_CHECK_STUB=1 the hook skips flipping and says so, writing what it
// would have flipped to HAKUSHO_DIST_CHECK_REPORT for the check to verify. Without
// that variable a binary with no fuse wire is an error: nothing ships unfused.
import { chmod, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  FuseV1Options,
  FuseVersion,
  flipFuses,
  getCurrentFuseWire,
  pathToFuseFile,
} from '@electron/fuses';

/** Where the content database lands (electron-builder.yml → extraResources). */
export const CONTENT_DB_RESOURCE = 'content.sqlite';

/**
 * The fuse wire for a platform. Every fuse is set explicitly
 * (strictlyRequireAllFuses) so an Electron upgrade that adds one fails loudly
 * here instead of shipping with an unreviewed default.
 * @param {string} electronPlatformName 'linux' | 'win32' | 'darwin' | 'mas'
 * @param {string} arch electron-builder's arch name ('x64', 'arm64', …)
 */
export function readerFuses(electronPlatformName, arch) {
  const mac = electronPlatformName === 'darwin' || electronPlatformName === 'mas';
  return /** @type {const} */ ({
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Flipping invalidates the ad-hoc signature; arm64 macOS refuses unsigned code.
    resetAdHocDarwinSignature: mac && arch === 'arm64',
    // ELECTRON_RUN_AS_NODE would turn the app into a plain Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and other Chromium secrets encrypted at rest with the OS keychain.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS could inject code (--require) into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect / --inspect-brk would open a debugger into the main process.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // electron-builder embeds the asar hash on macOS and Windows only (Linux has no
    // support); validating there refuses a tampered app.asar.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: mac || electronPlatformName === 'win32',
    // Only resources/app.asar may hold the app: no loose resources/app folder.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The renderer is served from the app:// protocol, never file://, so file://
    // pages need no privileges beyond a browser's (dist:check fails on loadFile).
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.WasmTrapHandlers]: true,
  });
}

/**
 * The Electron binary electron-builder produced (same rule as its own
 * PlatformPackager.addElectronFuses).
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'linux') {
    const name = packager.executableName;
    if (!name) throw new Error('afterPack: the Linux packager has no executableName');
    return path.join(appOutDir, name);
  }
  const ext = electronPlatformName === 'win32' ? '.exe' : '.app';
  return path.join(appOutDir, `${packager.appInfo.productFilename}${ext}`);
}

/**
 * Whether the binary carries a fuse wire (every Electron since v12 does; the
 * dist:check stub does not). Any other read error propagates.
 * @param {string} binary the path electron-builder produced (or the .app bundle)
 */
export async function hasFuseWire(binary) {
  try {
    await getCurrentFuseWire(binary);
    return true;
  } catch (err) {
    if (err instanceof Error && /could not find sentinel/i.test(err.message)) return false;
    throw err;
  }
}

/**
 * The resources folder of a packed app.
 * @param {string} appOutDir
 * @param {string} electronPlatformName
 * @param {string} productFilename
 */
export function resourcesDir(appOutDir, electronPlatformName, productFilename) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources');
  }
  return path.join(appOutDir, 'resources');
}

/**
 * @param {{ appOutDir: string, electronPlatformName: string, arch: number, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
export default async function afterPack(context) {
  const archName =
    ['ia32', 'x64', 'armv7l', 'arm64', 'universal'][context.arch] ?? String(context.arch);
  const fuses = readerFuses(context.electronPlatformName, archName);
  const binary = electronBinaryPath(context);
  const fuseFile = pathToFuseFile(binary);
  const stubMode = process.env.HAKUSHO_DIST_CHECK_STUB === '1';

  const db = path.join(
    resourcesDir(
      context.appOutDir,
      context.electronPlatformName,
      context.packager.appInfo.productFilename,
    ),
    CONTENT_DB_RESOURCE,
  );
  await stat(db).catch(() => {
    throw new Error(`afterPack: ${db} is missing (electron-builder.yml extraResources)`);
  });
  let flipped = false;
  if (await hasFuseWire(binary)) {
    await flipFuses(binary, fuses);
    flipped = true;
    console.log(`  • afterPack: flipped Electron fuses in ${fuseFile}`);
  } else if (stubMode) {
    console.log(
      `  • afterPack: NOT flipping fuses: ${fuseFile} is the dist:check stub, not an Electron binary`,
    );
  } else {
    throw new Error(
      `afterPack: ${fuseFile} has no Electron fuse wire; refusing to ship an app whose fuses were not flipped`,
    );
  }

  // Windows ignores POSIX modes; the app opens the file read-only on every OS.
  await chmod(db, 0o444);

  const report = process.env.HAKUSHO_DIST_CHECK_REPORT;
  if (report) {
    await writeFile(
      report,
      JSON.stringify({ binary: fuseFile, flipped, fuses, contentDb: db }, null, 2),
    );
  }
}

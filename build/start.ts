// `npm start`: builds what is missing, then opens the desktop app. The first time
// on a machine with network it fetches the Electron runtime (Electron's own
// installer) and builds an Electron copy of better-sqlite3 in .cache/ (the Node
// build in node_modules stays for the tests and the CLI) — desktop-launch.ts
// decides. Where that fails (offline), or where there is no display, it says so
// in one line and serves the browser edition instead, printing the URL to open.
//   npm start -- [--browser] [--port N] [--user-data DIR] [--register-scheme] [--renderer DIR]
// (--register-scheme makes this checkout the handler of hakusho-reader:// links, taking
// them from an installed copy; --renderer serves another renderer build in the
// browser edition; tests use it.)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureContentDb } from '../electron/core/content/ensure';
import { REGISTER_SCHEME_FLAG } from '../electron/common/deep-link';
import { defaultContentDbPath, repoRoot, resolveUserDataDir } from '../electron/core/paths';
import { isMainModule } from '../electron/core/main-module';
import { SQLITE_BINDING_ENV } from '../electron/core/sqlite';
import { closeOnSignals, serveFromCheckout } from '../electron/serve/main';
import { bundleElectron } from './bundle-electron';
import { planLaunch } from './desktop-launch';
import { installElectronRuntime } from './electron-install';
import { npmHere } from './npm-command';
import { ensureElectronNative, nativeTarget, spawnStep } from './electron-native';
import { displayProblem, findElectronBinary, installBlocked } from './electron-runtime';

const root = repoRoot();
const electronDir = path.join(root, 'node_modules', 'electron');
/** Electron's installer gives up after this long (HAKUSHO_ELECTRON_INSTALL_TIMEOUT, seconds). */
const INSTALL_TIMEOUT_MS = (Number(process.env.HAKUSHO_ELECTRON_INSTALL_TIMEOUT) || 600) * 1000;

function electronVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}

/** Runs `npm <args>` (npm's CLI with this Node: npm.cmd cannot be spawned without a shell). */
function npm(args: string[]): void {
  const { command, args: argv } = npmHere(args, fs.existsSync);
  const result = spawnSync(command, argv, { cwd: root, stdio: ['ignore', 2, 2], shell: false });
  if (result.error)
    throw new Error(`npm ${args.join(' ')} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      browser: { type: 'boolean', default: false },
      port: { type: 'string' },
      'user-data': { type: 'string' },
      'register-scheme': { type: 'boolean', default: false },
      renderer: { type: 'string' },
    },
    strict: true,
  });
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const userDataDir = resolveUserDataDir(values['user-data']);

  // 1. Content database (rebuilt when missing or stale).
  ensureContentDb({ dbPath: defaultContentDbPath(), log });
  // 2. Renderer build.
  const rendererDir = values.renderer
    ? path.resolve(values.renderer)
    : path.join(root, 'renderer', 'dist');
  if (!values.renderer && !fs.existsSync(path.join(rendererDir, 'index.html'))) {
    log('building the renderer (npm run build:renderer)…');
    npm(['run', '--silent', 'build:renderer']);
  }

  // 3. Electron, when it can run here (fetching its runtime and building its
  //    copy of better-sqlite3 once, when missing).
  const plan = await planLaunch({
    electronVersion: electronVersion(),
    browserRequested: values.browser,
    displayProblem: () => displayProblem(),
    findBinary: () => findElectronBinary(electronDir),
    installBlocked: () => installBlocked(electronDir),
    installRuntime: () =>
      installElectronRuntime({ electronDir, timeoutMs: INSTALL_TIMEOUT_MS, log }),
    ensureNative: () =>
      ensureElectronNative({ root, target: nativeTarget(root), log, run: spawnStep(log) }),
    log,
  });
  if (plan.kind === 'desktop') {
    await bundleElectron();
    const args = ['.'];
    if (values['user-data']) args.push('--user-data', userDataDir);
    if (values['register-scheme']) args.push(REGISTER_SCHEME_FLAG);
    const child = spawn(plan.binary, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, [SQLITE_BINDING_ENV]: plan.sqliteBinding },
    });
    child.on('exit', (code) => {
      process.exitCode = code ?? 0;
    });
    return;
  }
  const reason = plan.reason;

  // 4. The browser edition instead: one line saying why, then its URL.
  process.stdout.write(`Not opening the desktop app: ${reason}; serving the browser edition.\n`);
  const port = values.port !== undefined ? Number(values.port) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }
  const edition = await serveFromCheckout({
    userDataDir,
    rendererDir,
    log,
    ...(port !== undefined ? { port } : {}),
  });
  process.stdout.write(`Open ${edition.server.url}\n`);
  closeOnSignals(edition);
}

if (isMainModule(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`npm start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}

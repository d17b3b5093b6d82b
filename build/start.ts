// `npm start`: builds what is missing, then opens the desktop app. Where the
// Electron runtime is missing (its binary is fetched lazily and may never have
// been), where there is no display, or where the native SQLite module is built
// for Node rather than Electron, it says so in one line and serves the browser
// edition instead, printing the URL to open.
//   npm start -- [--browser] [--port N] [--user-data DIR] [--renderer DIR]
// (--renderer serves another renderer build in the browser edition; tests use it.)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureContentDb } from '../electron/core/content/ensure';
import { defaultContentDbPath, resolveUserDataDir } from '../electron/core/paths';
import { closeOnSignals, serveFromCheckout } from '../electron/serve/main';
import { bundleElectron } from './bundle-electron';
import { displayProblem, findElectronBinary, nativeModuleProblem } from './electron-runtime';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 2, 2], shell: false });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      browser: { type: 'boolean', default: false },
      port: { type: 'string' },
      'user-data': { type: 'string' },
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
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:renderer']);
  }

  // 3. Electron, when it can run here.
  let reason: string | null = values.browser
    ? 'the browser edition was asked for (--browser)'
    : null;
  let binary: string | null = null;
  if (!reason) {
    const runtime = findElectronBinary(path.join(root, 'node_modules', 'electron'));
    if (!runtime.ok) reason = `the Electron runtime is unavailable: ${runtime.reason}`;
    else {
      binary = runtime.binary;
      reason = displayProblem() ?? nativeModuleProblem(root);
    }
  }
  if (!reason && binary) {
    await bundleElectron();
    const args = ['.'];
    if (values['user-data']) args.push('--user-data', userDataDir);
    const child = spawn(binary, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => {
      process.exitCode = code ?? 0;
    });
    return;
  }

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

const isMain = /build[\\/]start\.ts$/.test(process.argv[1] ?? '');
if (isMain) {
  main().catch((err: unknown) => {
    process.stderr.write(`npm start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}

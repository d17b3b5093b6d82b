// Test support: the CLI as it runs outside a checkout — the bundle, better-sqlite3
// and nothing else in a folder under /tmp. With no sources beside it, the CLI uses a
// content database as it is (as an installed app does), and a user who cannot read
// the checkout can still run it. The folder is root-owned, mode 0755.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleCli } from '../../../build/bundle-cli';
import { repoRoot } from '../paths';

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true, dereference: true });
}

/** Makes `dir` (or a new temp folder) hold the CLI bundle and its native module; returns the bundle. */
export async function cliWorkspace(dir?: string): Promise<{ dir: string; cli: string }> {
  const ws = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-cli-ws-'));
  const root = repoRoot();
  const cli = path.join(ws, 'hakusho.cjs');
  await bundleCli(cli);
  const modules = path.join(ws, 'node_modules');
  const sqlite = path.join(root, 'node_modules', 'better-sqlite3');
  for (const part of ['package.json', 'lib', 'build/Release/better_sqlite3.node'])
    copyTree(path.join(sqlite, part), path.join(modules, 'better-sqlite3', part));
  for (const dep of ['bindings', 'file-uri-to-path'])
    copyTree(path.join(root, 'node_modules', dep), path.join(modules, dep));
  return { dir: ws, cli };
}

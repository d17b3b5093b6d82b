// Fetching the Electron runtime for `npm start`. The electron package downloads
// its binary lazily (on the first require('electron'), through install.js and
// @electron/get with its cache), which `npm start` never triggers; so when the
// binary is missing, start runs that same installer once — with progress on
// stderr and a time limit — and turns a failure (offline, blocked, timed out)
// into one short reason instead of a stack trace.
import { runNodeScript } from './run-node-script';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Outcome = { ok: true } | { ok: false; reason: string };

export interface InstallOptions {
  /** node_modules/electron */
  electronDir: string;
  /** Gives up (and stops the installer) after this long. */
  timeoutMs: number;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** How often progress is reported. */
  progressMs?: number;
}

/** Bytes under a folder (the download in progress), 0 when unreadable. */
export function folderBytes(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else total += fs.statSync(full, { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

/**
 * The reason in an installer's output: its error line without the stack
 * ("TypeError: fetch failed" → "fetch failed"), at most 200 characters.
 */
export function installerFailureReason(output: string, code: number | null): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^at\s/.test(l) && !/^Downloading\b/.test(l));
  const line = lines.find((l) => /error|fail|unable|cannot|ENOTFOUND|ECONN|EAI_/i.test(l));
  const text = (line ?? lines.at(-1) ?? `exit code ${code ?? 'none'}`).replace(
    /^(?:[A-Z]\w*)?Error:\s*/,
    '',
  );
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** Runs node_modules/electron/install.js once; its temp download is watched for progress. */
export function installElectronRuntime(options: InstallOptions): Promise<Outcome> {
  const { electronDir, timeoutMs, log } = options;
  const env = options.env ?? process.env;
  const installer = path.join(electronDir, 'install.js');
  if (!fs.existsSync(installer)) {
    return Promise.resolve({ ok: false, reason: `${installer} is missing` });
  }
  // @electron/get downloads into os.tmpdir(): a folder of our own shows progress.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-electron-download-'));
  let lastBytes = -1;
  return runNodeScript(installer, [], {
    cwd: electronDir,
    env: { ...env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
    timeoutMs,
    keepBytes: 16_384,
    tickMs: options.progressMs ?? 5000,
    onTick: (seconds) => {
      const bytes = folderBytes(tmp);
      if (bytes !== lastBytes && bytes > 0)
        log(`  downloaded ${(bytes / 1e6).toFixed(1)} MB (${seconds} s)`);
      else log(`  still working (${seconds} s)`);
      lastBytes = bytes;
    },
  }).then((end): Outcome => {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (end.kind === 'timeout')
      return { ok: false, reason: `no answer within ${timeoutMs / 1000} s` };
    if (end.kind === 'error') return { ok: false, reason: end.message };
    if (end.code === 0) return { ok: true };
    return { ok: false, reason: installerFailureReason(end.output, end.code) };
  });
}

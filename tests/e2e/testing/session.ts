// One browser and any number of browser-edition hosts for a test file, each host
// with its own temporary user-data folder; all of it stopped and removed after
// the file's tests. Registers its own beforeAll/afterAll.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type LaunchedBrowser, type LaunchOptions } from './browser';
import { startEdition, type RunningEdition } from './server';

export interface E2eSession {
  /** The shared Chromium (available inside tests). */
  readonly browser: LaunchedBrowser;
  /** A fresh temporary folder, removed after the file's tests. */
  tempDir(name: string): string;
  /** Starts a browser-edition host on `userDataDir`, stopped after the file's tests. */
  start(userDataDir: string): Promise<RunningEdition>;
}

export function useE2eSession(launch: LaunchOptions = {}): E2eSession {
  let browser: LaunchedBrowser | undefined;
  const running: RunningEdition[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium(launch);
  });

  afterAll(async () => {
    await browser?.close();
    for (const edition of running) await edition.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  return {
    get browser(): LaunchedBrowser {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    tempDir(name) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hakusho-e2e-${name}-`));
      dirs.push(dir);
      return dir;
    },
    async start(userDataDir) {
      const edition = await startEdition(userDataDir);
      running.push(edition);
      return edition;
    },
  };
}

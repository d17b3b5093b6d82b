// Test support: the browser edition over a test's own content database and profile,
// serving a one-line page in place of the built renderer (these tests speak to its
// HTTP API, not to the interface), under the test's temp folder.
import fs from 'node:fs';
import path from 'node:path';
import { coreOpeners } from '../../core/wiring';
import { startBrowserEdition, type BrowserEdition } from '../edition';

/** Starts the edition on `contentDbPath` and `userDataDir`; its page lives in `root`/renderer. */
export async function startTestEdition(
  root: string,
  contentDbPath: string,
  userDataDir: string,
): Promise<BrowserEdition> {
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  return startBrowserEdition({
    openers: coreOpeners,
    contentDbPath,
    userDataDir,
    rendererDir,
    version: '0',
  });
}

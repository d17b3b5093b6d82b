// Test support: a temp folder holding a copy of the real content inputs (source,
// metadata, curation) that a test may damage without touching data/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultContentInputs, type ContentInputs } from '../content/inputs';
import { isTempName } from '../files/atomic-write';

export interface TempContent {
  dir: string;
  inputs: ContentInputs;
  dbPath: string;
  cleanup(): void;
}

export function makeTempContent(): TempContent {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-content-'));
  const real = defaultContentInputs();
  fs.mkdirSync(path.join(dir, 'sources'));
  fs.mkdirSync(path.join(dir, 'curation'));
  const inputs: ContentInputs = {
    sourcePath: path.join(dir, 'sources', path.basename(real.sourcePath)),
    metadataPath: path.join(dir, 'sources', path.basename(real.metadataPath)),
    curationPath: path.join(dir, 'curation', path.basename(real.curationPath)),
  };
  fs.copyFileSync(real.sourcePath, inputs.sourcePath);
  fs.copyFileSync(real.metadataPath, inputs.metadataPath);
  fs.copyFileSync(real.curationPath, inputs.curationPath);
  return {
    dir,
    inputs,
    dbPath: path.join(dir, 'content.sqlite'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Files in `dir` whose name marks them as a temp write (must never be left behind). */
export function leftoverTempFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => isTempName(name) || name.includes('.tmp-'));
}

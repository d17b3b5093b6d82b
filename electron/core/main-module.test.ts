// The main-module check against real files: the script itself, a link to it
// (npm's bin links), the name without its extension, and any other script.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isMainModule } from './main-module';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-main-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('isMainModule', () => {
  const script = path.join(dir, 'tool.cjs');
  fs.writeFileSync(script, '');
  const url = pathToFileURL(script).href;

  it('is true for the script Node was started with, however it was named', () => {
    expect(isMainModule(url, script)).toBe(true);
    expect(isMainModule(url, path.relative(process.cwd(), script))).toBe(true);
    expect(isMainModule(url, path.join(dir, 'tool'))).toBe(true);
    const link = path.join(dir, 'hakusho');
    fs.symlinkSync(script, link);
    expect(isMainModule(url, link)).toBe(true);
  });

  it('is false for another script, no script, or a module that is not a file', () => {
    const other = path.join(dir, 'other.cjs');
    fs.writeFileSync(other, '');
    expect(isMainModule(url, other)).toBe(false);
    expect(isMainModule(url, path.join(dir, 'tool.cjs.bak'))).toBe(false);
    expect(isMainModule(url, undefined)).toBe(false);
    expect(isMainModule(url, '')).toBe(false);
    expect(isMainModule('data:text/javascript,0', script)).toBe(false);
  });
});

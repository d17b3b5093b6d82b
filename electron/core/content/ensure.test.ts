// ensureContentDb against real files: builds when missing or stale, not otherwise.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArtifactBuilder } from './artifacts';
import { ensureContentDb, staleReason } from './ensure';
import { makeTempContent, type TempContent } from '../testing/temp-content';

let temp: TempContent;
const lines: string[] = [];
const log = (line: string) => void lines.push(line);
beforeEach(() => {
  temp = makeTempContent();
  lines.length = 0;
});
afterEach(() => temp.cleanup());

const builder = (version: string, declared = true): ArtifactBuilder => ({
  name: 'index',
  ...(declared ? { version } : {}),
  build: () => ({ name: 'index', version, body: '{}' }),
});
// The temp database stands for the checkout's own data/content.sqlite here.
const ensure = (builders: ArtifactBuilder[] = []) =>
  ensureContentDb({
    dbPath: temp.dbPath,
    ownPath: temp.dbPath,
    inputs: temp.inputs,
    log,
    builders,
  });

describe('ensureContentDb', () => {
  it('builds a missing database, then leaves a current one alone', () => {
    expect(ensure()).toMatchObject({ rebuilt: true, reason: 'missing' });
    expect(lines[0]).toMatch(/^content: building .*content\.sqlite \(missing\)/);
    const mtime = fs.statSync(temp.dbPath).mtimeMs;
    expect(ensure()).toMatchObject({ rebuilt: false, reason: null });
    expect(fs.statSync(temp.dbPath).mtimeMs).toBe(mtime);
  });

  it('rebuilds when the source, metadata or curation change', () => {
    ensure();
    fs.appendFileSync(temp.inputs.sourcePath, '\u3000追記。\n');
    expect(ensure()).toMatchObject({ rebuilt: true, reason: 'source changed' });
    fs.appendFileSync(temp.inputs.metadataPath, '\n');
    expect(ensure()).toMatchObject({ rebuilt: true, reason: 'source metadata changed' });
    fs.appendFileSync(temp.inputs.curationPath, '\n');
    expect(ensure()).toMatchObject({ rebuilt: true, reason: 'curation changed' });
    expect(ensure().rebuilt).toBe(false);
  });

  it('rebuilds when artifact builders change (declared or built versions)', () => {
    ensure([builder('1')]);
    expect(ensure([builder('1')]).rebuilt).toBe(false);
    expect(ensure([builder('2')])).toMatchObject({
      rebuilt: true,
      reason: 'artifact version changed',
    });
    expect(ensure([builder('2', false)]).rebuilt).toBe(false);
    expect(ensure([builder('3', false)])).toMatchObject({ reason: 'artifact version changed' });
    expect(ensure([])).toMatchObject({ reason: 'artifact set changed' });
  });

  it('rebuilds its own file when it is unreadable', () => {
    fs.writeFileSync(temp.dbPath, 'not a database');
    expect(staleReason(temp.dbPath, temp.inputs, [])).toMatch(
      /^damaged \(file is not a database\)/,
    );
    expect(ensure()).toMatchObject({ rebuilt: true, reason: expect.stringMatching(/^damaged/) });
  });

  it('uses an existing database when the sources are absent (packaged app), fails when both are', () => {
    ensure();
    fs.rmSync(temp.inputs.sourcePath);
    expect(ensure()).toMatchObject({ rebuilt: false });
    fs.rmSync(temp.dbPath);
    expect(() => ensure()).toThrowError(
      /content\.sqlite: missing, and its sources .* are not there to build it/,
    );
  });
});

// The layering rules of eslint.config.js, run by ESLint itself on small sources
// placed where they would live: an import across a forbidden line is an error,
// the same import where it is allowed is not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../electron/core/paths';

const eslint = new ESLint({ cwd: repoRoot() });

/** The rule ids ESLint reports for `code` as if it were the file `filePath`. */
async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const uses = (name: string) => `\nexport const used = ${name};\n`;

describe('layers', () => {
  it('the core never imports a host', async () => {
    for (const source of ['../main/ipc', '../serve/server', '../cli/main', '../../electron/cli/x'])
      expect(
        await violations('electron/core/x.ts', `import { a } from '${source}';${uses('a')}`),
        source,
      ).toEqual(['no-restricted-imports']);
    expect(
      await violations('electron/core/x.ts', `import { a } from './main-module';${uses('a')}`),
    ).toEqual([]);
  });

  it('a host imports the core and its own files, never another host', async () => {
    const cases: [string, string, boolean][] = [
      ['electron/cli/commands/x.ts', '../../core/reader-core', true],
      ['electron/cli/commands/x.ts', '../main', true],
      ['electron/cli/commands/x.ts', '../../serve/edition', false],
      ['electron/cli/x.ts', '../main/index', false],
      ['electron/serve/x.ts', '../cli/main', false],
      ['electron/serve/x.ts', './server', true],
      ['electron/main/x.ts', '../serve/server', false],
      ['electron/main/x.ts', 'electron', true],
      ['electron/preload/x.ts', '../main/security', false],
      ['build/x.ts', '../electron/serve/main', false],
      ['build/start.ts', '../electron/serve/main', true],
      ['build/start.ts', '../electron/cli/main', false],
      ['tests/integration/x.test.ts', '../../electron/cli/main', false],
    ];
    for (const [file, source, allowed] of cases)
      expect(
        await violations(file, `import { a } from '${source}';${uses('a')}`),
        `${file} ← ${source}`,
      ).toEqual(allowed ? [] : ['no-restricted-imports']);
  });

  it('only electron/main and electron/preload import electron; the renderer no host', async () => {
    expect(
      await violations('electron/core/x.ts', `import { app } from 'electron';${uses('app')}`),
    ).toEqual(['no-restricted-imports']);
    expect(
      await violations(
        'renderer/src/lib/x.ts',
        `import type { A } from '../../../electron/main/security';\nexport type B = A;\n`,
      ),
    ).toEqual(['no-restricted-imports']);
    expect(
      await violations(
        'renderer/src/lib/x.ts',
        `import type { A } from '../../../electron/core/api';\nexport type B = A;\n`,
      ),
    ).toEqual([]);
  });
});

describe('one way to open SQLite', () => {
  const valueImport = `import Database from 'better-sqlite3';${uses('Database')}`;
  const typeImport = `import type Database from 'better-sqlite3';\nexport type D = Database.Database;\n`;

  it('outside tests only electron/core/sqlite.ts imports better-sqlite3 as a value', async () => {
    for (const file of ['electron/core/library/x.ts', 'electron/main/x.ts', 'build/x.ts'])
      expect(await violations(file, valueImport), file).toEqual(['no-restricted-syntax']);
    expect(
      await violations('electron/core/x.ts', `const D = require('better-sqlite3');${uses('D')}`),
    ).toContain('no-restricted-syntax');
    expect(await violations('electron/core/sqlite.ts', valueImport)).toEqual([]);
    expect(await violations('electron/core/library/x.test.ts', valueImport)).toEqual([]);
    expect(await violations('electron/core/library/x.ts', typeImport)).toEqual([]);
  });
});

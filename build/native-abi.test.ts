import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAbi, electronAbi, moduleAbiVersions } from './native-abi';

const root = path.resolve(import.meta.dirname, '..');

describe('native module ABI', () => {
  it('reads the ABI of the installed better-sqlite3 (built for this Node)', () => {
    const binary = readFileSync(
      path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    );
    expect(moduleAbiVersions(binary)).toEqual([Number(process.versions.modules)]);
  });

  it('knows the installed Electron’s ABI and tells it apart from Node’s', () => {
    const electron = electronAbi(root);
    expect(electron).toBeGreaterThan(Number(process.versions.modules));
    const bytes = new TextEncoder().encode(`..node_register_module_v${electron}\0..`);
    expect(describeAbi(moduleAbiVersions(bytes), electron, 115)).toMatch(/built for Electron/);
    expect(describeAbi([115], electron, 115)).toMatch(/not for Electron/);
    expect(describeAbi([], electron, 115)).toMatch(/no node_register_module_v symbol/);
  });
});
